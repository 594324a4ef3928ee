// Folding high-volume telemetry into per-day, per-feature buckets.
import type { EventOf } from "@maturity/model";
import { lowerBound } from "./sorted.ts";

import { dayMs, utcDayStart } from "../time.ts";
export { dayMs };

/**
 * High-volume telemetry is aggregated per UTC day and feature instead of kept per call. Money is
 * kept in integer micro-dollars so sums are exact whatever the arrival order.
 */
export interface LlmCallBucket {
  /** Start of the UTC day, epoch ms. */
  day: number;
  feature: string | null;
  calls: number;
  costedCalls: number;
  costMicros: number;
  errors: number;
  latencyMsTotal: number;
  /** The most recent call in the bucket, as evidence. */
  lastId: string;
  lastT: number;
}
export interface AgentRunBucket {
  day: number;
  feature: string | null;
  runs: number;
  terminationRecorded: number;
  terminatedCorrectly: number;
  steps: number;
  toolCalls: number;
  retries: number;
  costedRuns: number;
  costMicros: number;
  lastId: string;
  lastT: number;
}

const toMicros = (usd: number) => Math.round(usd * 1_000_000);

/**
 * Finds the bucket for (day, feature) in buckets sorted by day then feature (no feature sorting
 * first): its index, or `~insertAt` when there is none yet.
 */
function findBucket(
  buckets: readonly { day: number; feature: string | null }[],
  day: number,
  feature: string | null,
): number {
  const key = feature ?? "";
  let at = lowerBound(buckets, day, (b) => b.day);
  for (; at < buckets.length; at++) {
    const b = buckets[at] as { day: number; feature: string | null };
    if (b.day !== day) break;
    const k = b.feature ?? "";
    if (k === key) return at;
    if (k > key) break;
  }
  return ~at;
}

// The evidence id of a bucket is its latest event (ties broken by id), whatever the arrival order.
function isLater(t: number, id: string, lastT: number, lastId: string): boolean {
  return t > lastT || (t === lastT && id > lastId);
}

export function addLlmCall(buckets: LlmCallBucket[], event: EventOf<"llm.call.completed">, t: number): void {
  const day = utcDayStart(t);
  const feature = event.data.feature ?? null;
  let at = findBucket(buckets, day, feature);
  if (at < 0) {
    at = ~at;
    buckets.splice(at, 0, {
      day,
      feature,
      calls: 0,
      costedCalls: 0,
      costMicros: 0,
      errors: 0,
      latencyMsTotal: 0,
      lastId: event.id,
      lastT: t,
    });
  }
  const b = buckets[at] as LlmCallBucket;
  b.calls += 1;
  if (event.data.costUsd !== undefined) {
    b.costedCalls += 1;
    b.costMicros += toMicros(event.data.costUsd);
  }
  if (event.data.status === "error") b.errors += 1;
  b.latencyMsTotal += Math.round(event.data.latencyMs);
  if (isLater(t, event.id, b.lastT, b.lastId)) {
    b.lastT = t;
    b.lastId = event.id;
  }
}

export function addAgentRun(
  buckets: AgentRunBucket[],
  event: EventOf<"agent.run.completed">,
  t: number,
): void {
  const day = utcDayStart(t);
  const feature = event.data.feature ?? null;
  let at = findBucket(buckets, day, feature);
  if (at < 0) {
    at = ~at;
    buckets.splice(at, 0, {
      day,
      feature,
      runs: 0,
      terminationRecorded: 0,
      terminatedCorrectly: 0,
      steps: 0,
      toolCalls: 0,
      retries: 0,
      costedRuns: 0,
      costMicros: 0,
      lastId: event.id,
      lastT: t,
    });
  }
  const b = buckets[at] as AgentRunBucket;
  b.runs += 1;
  if (event.data.terminatedCorrectly !== null) b.terminationRecorded += 1;
  if (event.data.terminatedCorrectly === true) b.terminatedCorrectly += 1;
  b.steps += event.data.steps;
  b.toolCalls += event.data.toolCalls;
  b.retries += event.data.retries;
  if (event.data.costUsd !== undefined) {
    b.costedRuns += 1;
    b.costMicros += toMicros(event.data.costUsd);
  }
  if (isLater(t, event.id, b.lastT, b.lastId)) {
    b.lastT = t;
    b.lastId = event.id;
  }
}
