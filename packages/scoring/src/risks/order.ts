import type { Risk } from "@maturity/model";
import { textRanks } from "./text-ranks.ts";

// One collator for every comparison: the same order as `localeCompare` (default locale), without
// resolving the locale again on each of the many comparisons a large organisation's sort makes.
const collator = new Intl.Collator();
const compareText = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));

const axesText = (risk: Risk) => (risk.axes ?? []).join();

/** Highest rank first; ties broken by kind, system and axes so the order is stable. */
export function compareRisks(a: Risk, b: Risk): number {
  return (
    b.rank - a.rank ||
    compareText(a.kind, b.kind) ||
    compareText(a.systemId ?? "", b.systemId ?? "") ||
    compareText(a.team, b.team) ||
    compareText(axesText(a), axesText(b))
  );
}

/**
 * A new array of the risks in `compareRisks` order (ties in their given order, as a stable sort
 * keeps them). For the org's tens of thousands of risks: each text key is ranked once, so the
 * sort compares numbers, not texts through the collator.
 */
export function sortedRisks(risks: readonly Risk[]): Risk[] {
  const n = risks.length;
  const rank = new Float64Array(n);
  const kinds = new Array<string>(n);
  const systems = new Array<string>(n);
  const teams = new Array<string>(n);
  const axes = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const risk = risks[i] as Risk;
    rank[i] = risk.rank;
    kinds[i] = risk.kind;
    systems[i] = risk.systemId ?? "";
    teams[i] = risk.team;
    axes[i] = axesText(risk);
  }
  const kind = textRanks(kinds, compareText);
  const system = textRanks(systems, compareText);
  const team = textRanks(teams, compareText);
  const axis = textRanks(axes, compareText);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      (rank[b] as number) - (rank[a] as number) ||
      (kind[a] as number) - (kind[b] as number) ||
      (system[a] as number) - (system[b] as number) ||
      (team[a] as number) - (team[b] as number) ||
      (axis[a] as number) - (axis[b] as number) ||
      a - b,
  );
  return order.map((i) => risks[i] as Risk);
}
