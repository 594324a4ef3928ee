// A stored campaign evaluated as of a time: the systems from their current reports, their history
// of the target's axis from the score history, and for a criterion target whether the criterion was
// met each week (each system in scope re-scored from its own events, as the system page's as-of
// does). The portal reads it for a campaign's page; the rollup, inside its transaction, for the
// campaign_off_track alert rule.
import type { Database, StoredCampaign, Transaction } from "@maturity/db";
import { axisHistory, eventsForSystemAsOf, loadSystemReports } from "@maturity/db";
import { axes, systemIdentity, type Axis, type SystemReport } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import {
  defaultForecastWindowDays,
  evaluateCampaign,
  evolve,
  inCampaignScope,
  initialFacts,
  nextUpgrade,
  sampleTimes,
  scoreSystem,
  targetAxis,
  type AxisHistory,
  type CampaignMember,
  type CampaignProgress,
  type ScorePoint,
} from "@maturity/scoring";

export async function campaignProgress(
  db: Database | Transaction,
  stored: StoredCampaign,
  asOf: number,
  rubric: Rubric,
): Promise<CampaignProgress> {
  const { campaign } = stored;
  const { target } = campaign;
  const scoped = (await loadSystemReports(db)).filter((report) => inCampaignScope(campaign.scope, report));
  const axis = targetAxis(target);
  const rows = await axisHistory(
    db,
    axis,
    scoped.map((report) => report.systemId),
  );
  const bySystem = new Map<string, ScorePoint[]>();
  for (const row of rows) bySystem.set(row.systemId, [...(bySystem.get(row.systemId) ?? []), row]);
  const members: CampaignMember[] = [];
  for (const report of scoped) {
    const points = bySystem.get(report.systemId) ?? [];
    // Only the target's axis is read: the others are left empty.
    const history = Object.fromEntries(
      axes.map((a) => [a, a === axis ? points : []]),
    ) as unknown as AxisHistory;
    members.push({
      ...systemIdentity(report),
      history,
      nextUpgrade: nextStep(
        report,
        axis,
        target.kind === "criterion_met" ? target.criterionId : undefined,
        rubric,
      ),
      ...(target.kind === "criterion_met" && {
        criterionMetAt: await criterionHistory(db, report.systemId, target.criterionId, asOf, rubric),
      }),
    });
  }
  return evaluateCampaign(campaign, members, { asOf });
}

function nextStep(report: SystemReport, axis: Axis, criterionId: string | undefined, rubric: Rubric): string {
  if (criterionId === undefined) return nextUpgrade(axis, report.axes[axis], rubric);
  const definition = rubric.criteria.find((criterion) => criterion.id === criterionId);
  return definition === undefined ? `meet ${criterionId}` : `meet ${criterionId}: ${definition.title}`;
}

/**
 * Whether the criterion was met (or waived) at each weekly sample up to asOf: the system's events
 * folded once, then scored as of each week (scoring leaves out what came later).
 */
async function criterionHistory(
  db: Database | Transaction,
  systemId: string,
  criterionId: string,
  asOf: number,
  rubric: Rubric,
): Promise<(time: number) => boolean> {
  const facts = initialFacts();
  for (const event of await eventsForSystemAsOf(db, systemId, new Date(asOf).toISOString()))
    evolve(facts, event);
  const systemFacts = facts.systems[systemId];
  const met = new Map<number, boolean>();
  for (const time of sampleTimes(asOf, defaultForecastWindowDays)) {
    const report =
      systemFacts === undefined ? null : scoreSystem(systemFacts, { asOf: time, rubric }, facts.queues);
    const criterion = report?.axes[criterionId.split(".")[0] as Axis].criteria.find(
      (c) => c.id === criterionId,
    );
    met.set(time, criterion?.met ?? false);
  }
  return (time) => met.get(time) ?? false;
}
