import { axes as axisNames, type Risk } from "@maturity/model";
import { textRanks } from "./text-ranks.ts";

// One collator for every comparison, made once rather than per comparison. Its locale is fixed:
// the process's default locale comes from the machine (LANG), and a Danish one, say, sorts
// "aardvark" after "zeta", so the same events would give reports in different orders.
const collator = new Intl.Collator("en");
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

// A risk's axes as a small number (base 6, each digit an axis's place + 1), so the joined text of
// each distinct list is made once per sort rather than once per risk. -1: a list it cannot code.
function axesCode(list: readonly string[] | undefined): number {
  if (list === undefined) return 0;
  let code = 0;
  for (const axis of list) {
    const digit = axisDigit.get(axis);
    if (digit === undefined || code > 1e12) return -1;
    code = code * 6 + digit;
  }
  return code;
}
const axisDigit = new Map<string, number>(axisNames.map((axis, i) => [axis, i + 1]));

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
  const axesTexts = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const risk = risks[i] as Risk;
    rank[i] = risk.rank;
    kinds[i] = risk.kind;
    systems[i] = risk.systemId ?? "";
    teams[i] = risk.team;
    const code = axesCode(risk.axes);
    let text = code < 0 ? undefined : axesTexts.get(code);
    if (text === undefined) {
      text = axesText(risk);
      if (code >= 0) axesTexts.set(code, text);
    }
    axes[i] = text;
  }
  const kind = textRanks(kinds, compareText);
  const system = textRanks(systems, compareText);
  const team = textRanks(teams, compareText);
  const axis = textRanks(axes, compareText);
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort(
    (a, b) =>
      (rank[b] as number) - (rank[a] as number) ||
      (kind[a] as number) - (kind[b] as number) ||
      (system[a] as number) - (system[b] as number) ||
      (team[a] as number) - (team[b] as number) ||
      (axis[a] as number) - (axis[b] as number) ||
      a - b,
  );
  // Plain loops, not Array.from / map with a callback per risk: tens of thousands of them.
  const sorted = new Array<Risk>(n);
  for (let k = 0; k < n; k++) sorted[k] = risks[order[k] as number] as Risk;
  return sorted;
}
