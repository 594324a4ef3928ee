// Words, symbols and colours of the compliance views, in one place.
import { levelColour } from "./levels.ts";

export type ClauseStatus = "met" | "unmet" | "no_data" | "waived" | "not_applicable";

export const clauseStatusText: Record<ClauseStatus, string> = {
  met: "Met",
  unmet: "Not met",
  no_data: "No data",
  waived: "Waived",
  not_applicable: "Not applicable",
};

/** Beside the words, never instead of them. */
export const clauseStatusIcon: Record<ClauseStatus, string> = {
  met: "✓",
  unmet: "✗",
  no_data: "?",
  waived: "≈",
  not_applicable: "–",
};

/** Rows of one framework after another, in the order the server sent them (framework, clause). */
export function byFramework<T extends { framework: string }>(rows: readonly T[]) {
  const groups: { framework: string; rows: T[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.framework === row.framework) last.rows.push(row);
    else groups.push({ framework: row.framework, rows: [row] });
  }
  return groups;
}

/** A framework's name as an id fragment ("ISO/IEC 42001" → "iso-iec-42001"). */
export function frameworkSlug(framework: string): string {
  return framework
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Bands of a tier's coverage of a clause (compliance.ts's share), coloured like the heat map's levels. */
export const coverageBands = [
  { level: 1, label: "under 20%" },
  { level: 2, label: "20–39%" },
  { level: 3, label: "40–59%" },
  { level: 4, label: "60–79%" },
  { level: 5, label: "80% or more" },
] as const;

/** The heat map colour of a share (0…1); grey when no system of the tier has the clause apply. */
export function coverageColour(share: number | null): string {
  if (share === null) return levelColour(null);
  return levelColour(Math.min(5, 1 + Math.floor(share * 5)));
}
