// Helpers to read a score report in tests.
import type { Axis, ScoreReport, SystemReport } from "@maturity/model";

export function systemOf(report: ScoreReport, systemId: string): SystemReport {
  const system = report.systems.find((s) => s.systemId === systemId);
  if (system === undefined) throw new Error(`no system ${systemId} in report`);
  return system;
}

export function criterionOf(system: SystemReport, id: string) {
  const axis = id.split(".")[0] as Axis;
  const criterion = system.axes[axis].criteria.find((c) => c.id === id);
  if (criterion === undefined) throw new Error(`no criterion ${id} on ${system.systemId}`);
  return criterion;
}
