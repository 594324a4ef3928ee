import type { Risk } from "@maturity/model";

/** Highest rank first; ties broken by kind, system and axes so the order is stable. */
export function compareRisks(a: Risk, b: Risk): number {
  return (
    b.rank - a.rank ||
    a.kind.localeCompare(b.kind) ||
    (a.systemId ?? "").localeCompare(b.systemId ?? "") ||
    a.team.localeCompare(b.team) ||
    (a.axes ?? []).join().localeCompare((b.axes ?? []).join())
  );
}
