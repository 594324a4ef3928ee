// Types of what the portal's procedures return, inferred from the router type alone.
import type { Axis, SystemKind } from "@maturity/model";
import type { RouterInputs, RouterOutputs } from "../../server/router.ts";

export type Overview = RouterOutputs["org"]["overview"];
export type OverviewSystem = Overview["systems"][number];
export type Move = RouterOutputs["org"]["movers"]["rises"][number];
export type Risk = RouterOutputs["org"]["risks"][number];
export type RiskFilter = RouterInputs["org"]["risks"];
export type SystemReportView = RouterOutputs["system"]["report"];
export type CriterionGuide = SystemReportView["guide"][string];
export type HistoryRow = SystemReportView["history"][number];
export type ExecutivePoint = RouterOutputs["org"]["executiveSeries"]["points"][number];
export type UnmappedSource = RouterOutputs["sources"]["unmapped"][number];
export type StoredEvent = RouterOutputs["system"]["evidence"][number];
export type Waiver = NonNullable<SystemReportView["report"]["waivers"]>[number];
export type PolicyInForce = RouterOutputs["policy"]["inForce"];
export type PolicyCriterion = PolicyInForce["criteria"][number];
export type PolicyDiffView = PolicyInForce["diff"];
export type PolicyPreviewResult = RouterOutputs["policy"]["preview"];
export type OrgWaivers = RouterOutputs["org"]["waivers"];
export type SystemCompliance = RouterOutputs["compliance"]["system"];
export type ClauseView = SystemCompliance["clauses"][number];
export type OrgCompliance = RouterOutputs["compliance"]["org"];
export type OrgClauseRow = OrgCompliance["clauses"][number];
export type AuditRequest = RouterOutputs["compliance"]["openAuditRequests"][number];

/** The rollups table stores tracks and gaps as JSON; this is their shape (docs/score-report.md). */
export interface Rollup {
  scope: string;
  team: string | null;
  systemCount: number;
  tracks: Partial<Record<SystemKind, Partial<Record<Axis, number | null>>>>;
  trackGap: Partial<Record<Axis, number | null>>;
  asOf: string;
}

export function asRollups(rows: RouterOutputs["teams"]["rollups"]): Rollup[] {
  return rows as Rollup[];
}
export type SystemForecastView = RouterOutputs["forecast"]["system"];
export type TeamForecastView = RouterOutputs["forecast"]["team"];
export type OrgForecastView = RouterOutputs["forecast"]["org"];
export type TeamBehindView = OrgForecastView["teamsBehind"][number];
export type MemberForecast = TeamForecastView["systems"][number];
export type TeamSummary = RouterOutputs["teams"]["summaries"]["teams"][number];
export type TeamSystem = RouterOutputs["teams"]["systems"]["systems"][number];
export type TeamGroupsInput = Omit<RouterInputs["teams"]["summaries"], "cursor" | "limit">;
export type GroupCursor = NonNullable<RouterInputs["teams"]["summaries"]["cursor"]>;
export type GroupSort = NonNullable<RouterInputs["teams"]["summaries"]["sort"]>;
export type RiskHeadlineView = NonNullable<TeamSummary["topRisk"]>;
export type RiskPageFilter = Omit<RouterInputs["org"]["riskPage"], "cursor" | "limit">;
