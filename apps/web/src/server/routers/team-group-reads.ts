// The organisation's systems grouped by team, a page at a time (packages/db's team-groups does the
// grouping, sorting, search and paging in SQL); what the organisation page's team rows show.
import type { Database, GroupFilter } from "@maturity/db";
import { groupedSystemRows, groupSorts, groupTotals, teamSummaryRows } from "@maturity/db";
import type { Risk, RiskTier, SystemKind } from "@maturity/model";
import { riskKindSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import { z } from "zod";
import { keysetPage } from "./keyset-page.ts";

const groupInput = z.object({
  /** Part of a system's id or name, or of a team's name; blank is no search. */
  search: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((text) => (text === "" ? undefined : text)),
  team: z.string().min(1).optional(),
  systemKind: systemKindSchema.optional(),
  riskTier: riskTierSchema.optional(),
  /** Only risks of this kind count as a top risk (named as org.risks names it). */
  kind: riskKindSchema.optional(),
  sort: z.enum(groupSorts).default("worst"),
  limit: z.number().int().min(1).max(200).default(50),
  /** The last row of the previous page (its `nextCursor`). */
  cursor: z.object({ keys: z.tuple([z.number(), z.number()]), name: z.string(), id: z.string() }).optional(),
});

export const teamSummariesInput = groupInput;
export const teamSystemsInput = groupInput.extend({ team: z.string().min(1) });

type GroupInput = z.output<typeof groupInput>;

function groupFilter({ search, team, systemKind, riskTier, kind }: GroupInput): GroupFilter {
  return { search, team, systemKind, riskTier, riskKind: kind };
}

/** What a row shows of its top risk: the evidence and next upgrade are on the system's page. */
function riskHeadline(risk: Risk | null) {
  if (risk === null) return null;
  const { kind, systemId, team, rank, axes, summary } = risk;
  return { kind, systemId, team, rank, axes, summary };
}

/** One page of the teams with a matching system, each summarised over its matching systems. */
export async function teamSummaryPage(db: Database, input: GroupInput) {
  const filter = groupFilter(input);
  const [rows, totals] = await Promise.all([
    teamSummaryRows(db, filter, { sort: input.sort, after: input.cursor, limit: input.limit + 1 }),
    groupTotals(db, filter),
  ]);
  const page = keysetPage(rows, input.limit, (row) => row.position);
  return {
    teams: page.items.map(({ position: _position, topRisk, ...team }) => ({
      ...team,
      topRisk: riskHeadline(topRisk),
    })),
    nextCursor: page.nextCursor,
    totalTeams: totals.teams,
    totalSystems: totals.systems,
  };
}

/** One page of a team's matching systems, in the same order as the teams. */
export async function teamSystemsPage(db: Database, input: z.output<typeof teamSystemsInput>) {
  const filter = { ...groupFilter(input), team: input.team };
  const [rows, totals] = await Promise.all([
    groupedSystemRows(db, filter, { sort: input.sort, after: input.cursor, limit: input.limit + 1 }),
    groupTotals(db, filter),
  ]);
  const page = keysetPage(rows, input.limit, (row) => row.position);
  return {
    systems: page.items.map(({ position: _position, topRisk, kind, riskTier, ...system }) => ({
      ...system,
      kind: kind as SystemKind,
      riskTier: riskTier as RiskTier,
      topRisk: riskHeadline(topRisk),
    })),
    nextCursor: page.nextCursor,
    total: totals.systems,
  };
}
