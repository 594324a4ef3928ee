// What every file of a pack is rendered from: the system's report as scored from the folded
// events, with the rules, the moment and the facts beside it. The writer builds it from a source;
// the verifier builds it again from the pack's own events.ndjson and compares.
import type { SystemReport } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { defaultMetricsWindowDays, defaultWindowDays, scoreSystem } from "@maturity/scoring";
import type { Dossier } from "./dossier.ts";
import type { FoldedPack } from "./fold-pass.ts";

export interface ScoreWindows {
  /** The criteria's evidence window (a criterion's own window overrides it). */
  evidenceDays: number;
  metricsDays: number;
}

/** The windows the platform scores with. */
export const platformWindows: ScoreWindows = {
  evidenceDays: defaultWindowDays,
  metricsDays: defaultMetricsWindowDays,
};

export interface PackBasis {
  systemId: string;
  asOf: number;
  policy: ActivePolicy;
  windows: ScoreWindows;
  generator: string;
  nativeIds: readonly string[];
  report: SystemReport;
  dossier: Dossier;
  inputDigest: string;
}

export class NoEvidenceError extends Error {}

export function scoreBasis(
  folded: FoldedPack,
  context: Omit<PackBasis, "report" | "dossier" | "inputDigest">,
): PackBasis {
  const { systemId, asOf, policy, windows } = context;
  const facts = folded.facts.systems[systemId];
  const report =
    facts === undefined
      ? null
      : scoreSystem(
          facts,
          {
            asOf,
            rubric: policy.rubric,
            windowDays: windows.evidenceDays,
            metricsWindowDays: windows.metricsDays,
          },
          folded.facts.queues,
        );
  if (report === null)
    throw new NoEvidenceError(
      `${systemId} has no events at or before ${new Date(asOf).toISOString()}: there is nothing to put in a pack`,
    );
  // Through JSON, so the report compares equal to the one read back from report.json.
  const plain = JSON.parse(JSON.stringify(report)) as SystemReport;
  return { ...context, report: plain, dossier: folded.dossier, inputDigest: folded.inputDigest };
}
