import type { Risk } from "@maturity/model";

// One collator for every comparison: the same order as `localeCompare` (default locale), without
// resolving the locale again on each of the many comparisons a large organisation's sort makes.
const collator = new Intl.Collator();
const compareText = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));

/** Highest rank first; ties broken by kind, system and axes so the order is stable. */
export function compareRisks(a: Risk, b: Risk): number {
  return (
    b.rank - a.rank ||
    compareText(a.kind, b.kind) ||
    compareText(a.systemId ?? "", b.systemId ?? "") ||
    compareText(a.team, b.team) ||
    compareText((a.axes ?? []).join(), (b.axes ?? []).join())
  );
}
