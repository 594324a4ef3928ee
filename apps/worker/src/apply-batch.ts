import type { AxisChange, Database, DeadLetterReasonKind, Transaction } from "@maturity/db";
import {
  aggregateLlmUsage,
  appendEvents,
  applyToSystems,
  loadSourceMappings,
  lockPolicy,
  requestRescore,
  saveSourceMappings,
  storedEventsOfSubjects,
  upsertLlmUsage,
} from "@maturity/db";
import type { ConsumedRecord } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";
import {
  addClaimedMappings,
  formatIssues,
  jsonTextIssue,
  parseEvent,
  routeEvent,
  unmappedSubject,
} from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { applyAlertAdminEvents } from "./alerts/apply-admin.ts";
import { applyCampaignEvents } from "./campaigns/apply-campaign-events.ts";
import { applyActivations, isActivation } from "./policy/apply-activations.ts";
import { policyInForce, policyOfActivation } from "./policy/policy-in-force.ts";
import { foldQueueEvents } from "./projections/queue-facts.ts";
import type { ScoringSettings } from "./projections/score-systems.ts";
import { foldAndScore } from "./projections/score-systems.ts";
import { refsMentioned, routeToSystems } from "./projections/source-mappings.ts";

export interface RejectedRecord {
  position: string;
  key: string;
  value: string;
  reasonKind: DeadLetterReasonKind;
  reason: string;
}

export interface BatchOutcome {
  /** Events stored for the first time and folded into the read models. */
  applied: number;
  /** Events already in the store (redelivered or posted twice): no effect. */
  duplicates: number;
  /** Records that are not valid events, or that the database refused: they are dead-lettered. */
  rejected: RejectedRecord[];
  /** Axis scores this batch moved. */
  changes: AxisChange[];
  /** A GPU queue's policy changed: every system on it must be re-scored. */
  queuesChanged: boolean;
  /** The policy this batch put in force (every system was re-scored under it), if it did. */
  policyActivated?: ActivePolicy;
}

/**
 * Applies one batch from the log in ONE transaction: store the events (duplicates ignored), fold
 * only the new ones into facts, re-score the touched systems, write projections and history. The
 * caller commits the log offset after this resolves, so a crash anywhere re-delivers a batch whose
 * effects are either all there or all absent. `now` is the worker's clock for this batch: it is
 * stored with the events so a replay scores at the very same instants.
 */
export async function applyBatch(
  db: Database,
  records: readonly ConsumedRecord[],
  now: number,
  settings: ScoringSettings = {},
): Promise<BatchOutcome> {
  const valid: MaturityEvent[] = [];
  const rejected: RejectedRecord[] = [];
  for (const record of records) {
    const decoded = decodeRecord(record);
    if ("event" in decoded) valid.push(decoded.event);
    else
      rejected.push({
        position: record.position,
        key: record.key,
        value: record.value,
        reasonKind: decoded.reasonKind,
        reason: decoded.reason,
      });
  }
  const { applied, changes, queuesChanged, policyActivated } = await db.transaction(async (tx) => {
    // Before any row lock (see lockPolicy): an activation waits for the batches scoring under the
    // old policy, and the batches after it score under the new one.
    await lockPolicy(tx, valid.some(isActivation) ? "write" : "read");
    const policy = await policyInForce(tx);
    const fresh = await appendEvents(tx, valid, new Date(now).toISOString());
    await applyToSystems(tx, fresh);
    await upsertLlmUsage(tx, aggregateLlmUsage(fresh));
    const queueChange = await foldQueueEvents(tx, fresh);
    // Before scoring: the batch's score changes are decided under the rules it puts in force.
    await applyAlertAdminEvents(tx, fresh, now);
    await applyCampaignEvents(tx, fresh);
    // The re-score it calls for runs after this commits; the debt is recorded with the change.
    if (queueChange) await requestRescore(tx, new Date(now).toISOString(), "a GPU queue policy changed");
    const scoreChanges = await foldAndScore(tx, await routeBatch(tx, fresh), now, settings, policy);
    const activated = await applyActivations(tx, fresh, policy, now, settings);
    return {
      applied: fresh.length,
      changes: [...scoreChanges, ...(activated?.changes ?? [])],
      queuesChanged: queueChange,
      policyActivated: activated?.policy,
    };
  });
  return {
    applied,
    duplicates: valid.length - applied,
    rejected,
    changes,
    queuesChanged,
    ...(policyActivated !== undefined && { policyActivated }),
  };
}

/**
 * Resolves native ids: records the mappings the batch's catalogue entries declare, re-addresses
 * events of mapped ids to their systems, and brings in every stored event of an id mapped just now
 * (events are never dropped for want of a mapping: they wait in the store for one).
 */
async function routeBatch(tx: Transaction, fresh: MaturityEvent[]): Promise<MaturityEvent[]> {
  const mappings = await loadSourceMappings(tx, refsMentioned(fresh));
  const mappedNow = addClaimedMappings(mappings, fresh);
  await saveSourceMappings(
    tx,
    mappedNow.map((ref) => ({ ref, systemId: mappings.get(ref)! })),
  );
  const routed = routeToSystems(fresh, mappings, new Set(mappedNow));
  const waiting = await storedEventsOfSubjects(
    tx,
    mappedNow.map((ref) => unmappedSubject(ref)),
  );
  for (const events of waiting.values()) {
    for (const event of events) routed.push(routeEvent(event, mappings)!);
  }
  return routed;
}

/**
 * A record from the log as an event, or why it is not one. The same limits as at ingest apply, the
 * nesting checked on the raw text first: a record written by an older version, or straight to the
 * log, must not reach the database either.
 */
function decodeRecord(
  record: ConsumedRecord,
): { event: MaturityEvent } | { reasonKind: "not_json" | "invalid_event"; reason: string } {
  const shapeIssue = jsonTextIssue(Buffer.from(record.value, "utf8"));
  if (shapeIssue !== undefined) return { reasonKind: "invalid_event", reason: shapeIssue };
  let json: unknown;
  try {
    json = JSON.parse(record.value);
  } catch {
    return { reasonKind: "not_json", reason: "the record is not JSON" };
  }
  const parsed = parseEvent(json);
  if (!parsed.ok) return { reasonKind: "invalid_event", reason: formatIssues(parsed.issues) };
  // An activation whose policy does not resolve could never be applied: refused like bad data.
  if (isActivation(parsed.event)) {
    const resolved = policyOfActivation(parsed.event);
    if (!resolved.ok) return { reasonKind: "invalid_event", reason: resolved.reason };
  }
  return { event: parsed.event };
}
