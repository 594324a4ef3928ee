import type { AxisChange, Database, LlmUsageRow, SystemRow, UnmappedRow } from "@maturity/db";
import {
  aggregateLlmUsage,
  axisChanges,
  axisScoreRows,
  criterionRows,
  insertRows,
  rollupRows,
  systemReportRow,
  systemRiskRows,
  teamRiskRows,
  countStoredEvents,
  createNextProjections,
  evolveSystemRows,
  evolveUnmappedRows,
  historyRows,
  lapsedWaivers,
  activePolicyRow,
  listRescoreTicks,
  mergeLlmUsage,
  readAppliedGroups,
  storedLlmUsage,
  swapInNextProjections,
} from "@maturity/db";
import type { MaturityEvent, SystemReport } from "@maturity/model";
import { addClaimedMappings, isSystemEvent } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";
import type { SystemFacts } from "@maturity/scoring";
import {
  assembleReport,
  evolve,
  evolveSystem,
  factsVersion,
  initialFacts,
  initialSystemFacts,
  scoreSystem,
} from "@maturity/scoring";
import { activationsOutcome } from "../policy/apply-activations.ts";
import { newestEvent } from "../projections/score-systems.ts";
import { readdressed, routeToSystems, unmappedRefOf } from "../projections/source-mappings.ts";
import type { ScoringSettings } from "../projections/score-systems.ts";

export interface ReplayProgress {
  events: number;
  total: number;
}

export interface ReplayResult {
  events: number;
  systems: number;
  historyRows: number;
  /** True when the store grew while replaying: the swapped-in projections miss those events. */
  storeChangedDuringReplay: boolean;
}

/**
 * Rebuilds every projection from the event store: the same fold and the same scoring the worker
 * ran, batch by batch at the clock readings recorded with the events (and at the recorded
 * re-score ticks), computed in memory, written to fresh tables, and swapped in atomically.
 * Run it with the workers stopped: batches applied meanwhile would be missing from the result.
 */
export async function replayProjections(
  db: Database,
  options: { scoring?: ScoringSettings; onProgress?: (progress: ReplayProgress) => void } = {},
): Promise<ReplayResult> {
  // As the worker did: the built-in rubric until an activation changes it (see applyActivations).
  let policy: ActivePolicy = builtinPolicy();
  let policyRow: ReturnType<typeof activePolicyRow> | undefined;
  const scoreOptions = (asOf: number) => ({
    asOf,
    rubric: policy.rubric,
    windowDays: options.scoring?.windowDays,
    metricsWindowDays: options.scoring?.metricsWindowDays,
  });
  const total = await countStoredEvents(db);
  const ticks = await listRescoreTicks(db);
  let tickIndex = 0;

  const org = initialFacts();
  const previousScores = new Map<string, Map<string, { score: number; level: number }>>();
  const reports = new Map<string, { report: SystemReport; asOf: string; rubricVersion: string }>();
  const history: ReturnType<typeof historyRows> = [];
  const usage = new Map<string, LlmUsageRow>();
  const systemRows = new Map<string, SystemRow>();
  const unmappedRows = new Map<string, UnmappedRow>();
  const mappings = new Map<string, string>();
  const unmappedEvents = new Map<string, MaturityEvent[]>();
  let events = 0;

  const scoreAt = (
    systemIds: Iterable<string>,
    at: number,
    causeFor: (systemId: string) => string | null,
    policyChange = false,
  ) => {
    const asOf = new Date(at).toISOString();
    const rubricVersion = policy.rubric.version;
    for (const systemId of systemIds) {
      const report = scoreSystem(org.systems[systemId]!, scoreOptions(at), org.queues);
      if (report === null) continue;
      const previous = previousScores.get(systemId) ?? new Map();
      const changes: AxisChange[] = axisChanges(report, previous);
      for (const change of changes) previous.set(change.axis, { score: change.score, level: change.level });
      previousScores.set(systemId, previous);
      const cause = { asOf, rubricVersion, causeEventId: causeFor(systemId) };
      // As writeSystemReports does: a window re-score compares the waivers of the last report.
      const lapsed =
        cause.causeEventId === null
          ? lapsedWaivers(reports.get(systemId)?.report.waivers, report.waivers)
          : [];
      history.push(...historyRows(changes, policyChange ? { ...cause, policy: true } : cause, lapsed));
      reports.set(systemId, { report, asOf, rubricVersion });
    }
  };
  const runTicksBefore = (limit: number) => {
    while (tickIndex < ticks.length && ticks[tickIndex]! < limit) {
      scoreAt(Object.keys(org.systems).sort(), ticks[tickIndex]!, () => null);
      tickIndex += 1;
    }
  };

  for await (const group of readAppliedGroups(db)) {
    runTicksBefore(group.appliedAt);
    evolveSystemRows(systemRows, group.events);
    evolveUnmappedRows(unmappedRows, group.events);
    // Native ids resolved exactly as the worker resolved them, batch by batch.
    for (const event of group.events) {
      const ref = unmappedRefOf(event.subject);
      if (ref === undefined) continue;
      const waiting = unmappedEvents.get(ref) ?? [];
      waiting.push(event);
      unmappedEvents.set(ref, waiting);
    }
    const mappedNow = addClaimedMappings(mappings, group.events);
    const routed = routeToSystems(group.events, mappings, new Set(mappedNow));
    for (const ref of mappedNow) {
      for (const event of unmappedEvents.get(ref) ?? []) routed.push(readdressed(event, mappings.get(ref)!));
      const row = unmappedRows.get(ref);
      if (row !== undefined) row.mappedTo = mappings.get(ref)!;
    }
    const newEventsOf = new Map<string, MaturityEvent[]>();
    for (const event of routed) {
      if (event.type === "gpu.queue.configured") {
        evolve(org, event);
      } else if (isSystemEvent(event)) {
        const facts = (org.systems[event.subject] ??= initialSystemFacts(event.subject));
        evolveSystem(facts as SystemFacts, event, { assumeNew: true });
        const list = newEventsOf.get(event.subject) ?? [];
        list.push(event);
        newEventsOf.set(event.subject, list);
      }
    }
    mergeLlmUsage(usage, aggregateLlmUsage(group.events));
    scoreAt(
      [...newEventsOf.keys()].sort(),
      group.appliedAt,
      (systemId) => newestEvent(newEventsOf.get(systemId)!).id,
    );
    // Then the group's activations, as the worker applied them after the batch's other events.
    const activated = activationsOutcome(group.events, policy);
    if (activated !== undefined) {
      policy = activated.policy;
      policyRow = activePolicyRow(activated.activation, activated.policy);
      scoreAt(Object.keys(org.systems).sort(), group.appliedAt, () => activated.activation.id, true);
    }
    events += group.events.length;
    options.onProgress?.({ events, total });
  }
  runTicksBefore(Number.POSITIVE_INFINITY);

  const next = await createNextProjections(db);
  const current = [...reports.values()];
  const lastClock = current.reduce((latest, { asOf }) => Math.max(latest, Date.parse(asOf)), 0);
  const rolled = assembleReport(
    current.map(({ report }) => report),
    { asOf: lastClock, rubric: policy.rubric },
  );
  await insertRows(
    db,
    next.systemFacts,
    Object.values(org.systems).map((facts) => ({ systemId: facts.systemId, factsVersion, facts })),
  );
  await insertRows(
    db,
    next.queueFacts,
    Object.entries(org.queues).map(([queue, facts]) => ({ queue, facts })),
  );
  await insertRows(
    db,
    next.systemReports,
    current.map(({ report, asOf, rubricVersion }) => systemReportRow(report, asOf, rubricVersion)),
  );
  await insertRows(
    db,
    next.axisScores,
    current.flatMap(({ report }) => axisScoreRows(report)),
  );
  await insertRows(
    db,
    next.criterionResults,
    current.flatMap(({ report }) => criterionRows(report)),
  );
  await insertRows(db, next.risks, [
    ...current.flatMap(({ report }) => systemRiskRows(report)),
    ...teamRiskRows(rolled.org.risks),
  ]);
  await insertRows(db, next.rollups, rollupRows(rolled.asOf, rolled.teams, rolled.org));
  await insertRows(db, next.scoreHistory, history);
  await insertRows(db, next.llmUsageHourly, storedLlmUsage([...usage.values()]));
  await insertRows(db, next.systems, [...systemRows.values()]);
  await insertRows(db, next.unmappedSources, [...unmappedRows.values()]);
  if (policyRow !== undefined) await insertRows(db, next.activePolicy, [policyRow]);
  await insertRows(
    db,
    next.sourceMappings,
    [...mappings].map(([ref, systemId]) => ({ ref, systemId })),
  );

  const storeChangedDuringReplay = (await countStoredEvents(db)) !== total;
  await swapInNextProjections(db);
  return { events, systems: reports.size, historyRows: history.length, storeChangedDuringReplay };
}
