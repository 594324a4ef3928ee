import type { AxisChange, Transaction } from "@maturity/db";
import {
  loadQueueFacts,
  loadSystemReportsOf,
  loadSystemFactsForUpdate,
  lockQueueFacts,
  notifyScoreChanges,
  saveSystemFacts,
  writeSystemReports,
} from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";
import { isSystemEvent } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import type { QueueFacts, SystemFacts } from "@maturity/scoring";
import { evolveSystem, factsVersion, initialSystemFacts, scoreSystem } from "@maturity/scoring";
import type { AlertsConfig } from "@maturity/alerts";
import { enqueueSystemAlerts } from "../alerts/decide-in-transaction.ts";
import { currentFacts } from "./stored-facts.ts";

/**
 * How scores are computed, besides the rubric (which is the policy in force's, see policy/), and
 * what follows from a score change in the same transaction.
 */
export interface ScoringSettings {
  windowDays?: number;
  metricsWindowDays?: number;
  /** The alerts file (MATURITY_ALERTS): a re-score decides its system rules and enqueues their messages. */
  alerts?: AlertsConfig;
}

/**
 * The event a score change is attributed to: the newest of the system's new events by event time
 * (then id), so the answer does not depend on how the log interleaved them.
 */
export function newestEvent(events: readonly MaturityEvent[]): MaturityEvent {
  let newest = events[0]!;
  for (const event of events) {
    const [t, tNewest] = [Date.parse(event.time), Date.parse(newest.time)];
    if (t > tNewest || (t === tNewest && event.id > newest.id)) newest = event;
  }
  return newest;
}

/**
 * Folds new events into their systems' stored facts and re-scores those systems as of `now` under
 * `policy`, writing reports and history. `newEvents` must be events the store had not seen, in
 * log order.
 */
export async function foldAndScore(
  tx: Transaction,
  newEvents: readonly MaturityEvent[],
  now: number,
  settings: ScoringSettings,
  policy: ActivePolicy,
): Promise<AxisChange[]> {
  const bySystem = new Map<string, MaturityEvent[]>();
  for (const event of newEvents) {
    if (!isSystemEvent(event)) continue;
    const list = bySystem.get(event.subject) ?? [];
    list.push(event);
    bySystem.set(event.subject, list);
  }
  if (bySystem.size === 0) return [];
  const systemIds = [...bySystem.keys()].sort();
  const stored = await loadSystemFactsForUpdate(tx, systemIds);
  const updated: { systemId: string; factsVersion: number; facts: SystemFacts }[] = [];
  for (const systemId of systemIds) {
    const events = bySystem.get(systemId)!;
    // Facts of an older frame are not trusted (a replay refolds them); kinds of an older layout
    // are refolded from the store.
    const facts =
      (await currentFacts(tx, systemId, stored.get(systemId), events))?.facts ?? initialSystemFacts(systemId);
    // The store has just told us these events are new: no need for the fold's own dedupe set.
    for (const event of events) evolveSystem(facts, event, { assumeNew: true });
    updated.push({ systemId, factsVersion, facts });
  }
  await saveSystemFacts(tx, updated);
  return scoreAndWrite(
    tx,
    updated.map(({ systemId, facts }) => ({
      systemId,
      facts,
      causeEventId: newestEvent(bySystem.get(systemId)!).id,
    })),
    now,
    settings,
    policy,
  );
}

/**
 * Re-scores systems whose facts are in hand under `policy`, writing their reports and any score
 * changes. `policyChange`: this is the re-score a newly activated policy owes every system (each
 * system's causeEventId is the activation).
 */
export async function scoreAndWrite(
  tx: Transaction,
  systems: readonly { systemId: string; facts: SystemFacts; causeEventId: string | null }[],
  now: number,
  settings: ScoringSettings,
  policy: ActivePolicy,
  policyChange = false,
): Promise<AxisChange[]> {
  const { rubric } = policy;
  await lockQueueFacts(tx, "read");
  const queues = (await loadQueueFacts(tx)) as Record<string, QueueFacts>;
  const asOf = new Date(now).toISOString();
  const scored = [];
  for (const { facts, causeEventId } of systems) {
    const report = scoreSystem(
      facts,
      { asOf: now, rubric, windowDays: settings.windowDays, metricsWindowDays: settings.metricsWindowDays },
      queues,
    );
    if (report !== null)
      scored.push({
        report,
        cause: {
          asOf,
          rubricVersion: rubric.version,
          causeEventId,
          ...(policyChange && { policy: true as const }),
        },
      });
  }
  const before =
    settings.alerts === undefined
      ? undefined
      : await loadSystemReportsOf(
          tx,
          scored.map(({ report }) => report.systemId),
        );
  const changes = await writeSystemReports(tx, scored);
  if (settings.alerts !== undefined)
    await enqueueSystemAlerts(
      tx,
      settings.alerts,
      scored.map(({ report, cause }) => ({
        report,
        before: before?.get(report.systemId),
        // A batch's state is its newest event; a re-score because time passed, its time.
        stateId: `${cause.causeEventId ?? "window"}@${asOf}`,
      })),
      rubric,
      new Date(now),
    );
  // Open portal pages refresh when this commits: every rewritten report (criteria, risks and
  // catalogue fields may move without a score moving); a re-score of many systems says "all".
  await notifyScoreChanges(
    tx,
    scored.map(({ report }) => report.systemId),
  );
  return changes;
}
