// Folding high-volume telemetry into per-day, per-feature buckets.
import type { EventOf } from "@maturity/model";
import { lowerBound } from "./sorted.ts";
import type { AgentRunBucket, LlmCallBucket } from "./types.ts";

import { dayMs } from "../time.ts";
export { dayMs };

const toMicros = (usd: number) => Math.round(usd * 1_000_000);

function bucketKey(day: number, feature: string | null): string {
  return `${day}|${feature ?? ""}`;
}

/** Finds or creates the bucket for (day, feature), keeping buckets sorted by day then feature. */
function bucketFor<B extends { day: number; feature: string | null }>(
  buckets: B[],
  day: number,
  feature: string | null,
  create: () => B,
): B {
  let at = lowerBound(buckets, day, (b) => b.day);
  const key = bucketKey(day, feature);
  for (; at < buckets.length; at++) {
    const b = buckets[at] as B;
    if (b.day !== day) break;
    const k = bucketKey(b.day, b.feature);
    if (k === key) return b;
    if (k > key) break;
  }
  const created = create();
  buckets.splice(at, 0, created);
  return created;
}

// The evidence id of a bucket is its latest event (ties broken by id), whatever the arrival order.
function isLater(t: number, id: string, lastT: number, lastId: string): boolean {
  return t > lastT || (t === lastT && id > lastId);
}

export function addLlmCall(buckets: LlmCallBucket[], event: EventOf<"llm.call.completed">, t: number): void {
  const day = t - (((t % dayMs) + dayMs) % dayMs);
  const feature = event.data.feature ?? null;
  const b = bucketFor(buckets, day, feature, () => ({
    day,
    feature,
    calls: 0,
    costedCalls: 0,
    costMicros: 0,
    errors: 0,
    latencyMsTotal: 0,
    lastId: event.id,
    lastT: t,
  }));
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

export function addAgentRun(buckets: AgentRunBucket[], event: EventOf<"agent.run.completed">, t: number): void {
  const day = t - (((t % dayMs) + dayMs) % dayMs);
  const feature = event.data.feature ?? null;
  const b = bucketFor(buckets, day, feature, () => ({
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
  }));
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
