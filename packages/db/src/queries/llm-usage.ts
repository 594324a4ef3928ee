import type { EventOf, MaturityEvent } from "@maturity/model";
import { and, eq, gte, lt } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import {
  addToBuckets,
  bucketPercentile,
  fromStoredBuckets,
  mergeBuckets,
  toStoredBuckets,
} from "../latency-buckets.ts";
import { llmUsageHourly } from "../schema/projections.ts";
import { upsertRows } from "./bulk-insert.ts";

type Queryable = Database | Transaction;
const hourMs = 3_600_000;

export interface LlmUsageRow {
  systemId: string;
  feature: string;
  hour: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyBuckets: number[];
}

/** Sums new llm.call.completed events per system × feature × hour. */
export function aggregateLlmUsage(newEvents: readonly MaturityEvent[]): LlmUsageRow[] {
  const rows = new Map<string, LlmUsageRow>();
  for (const event of newEvents) {
    if (event.type !== "llm.call.completed") continue;
    const call = event as EventOf<"llm.call.completed">;
    const hour = new Date(Math.floor(Date.parse(call.time) / hourMs) * hourMs).toISOString();
    const feature = call.data.feature ?? "";
    const key = `${call.subject}\u0000${feature}\u0000${hour}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        systemId: call.subject,
        feature,
        hour,
        calls: 0,
        errors: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        latencyBuckets: [],
      };
      rows.set(key, row);
    }
    row.calls += 1;
    row.errors += call.data.status === "error" ? 1 : 0;
    row.inputTokens += call.data.inputTokens;
    row.outputTokens += call.data.outputTokens;
    row.costUsd += call.data.costUsd ?? 0;
    addToBuckets(row.latencyBuckets, call.data.latencyMs);
  }
  return [...rows.values()];
}

/** Usage rows as the table stores them: the histogram keeps only its non-empty buckets. */
export function storedLlmUsage(rows: readonly LlmUsageRow[]) {
  return rows.map((row) => ({ ...row, latencyBuckets: toStoredBuckets(row.latencyBuckets) }));
}

/** Adds rows into the hourly rollups; histograms add bucket by bucket. */
export async function upsertLlmUsage(tx: Transaction, rows: readonly LlmUsageRow[]): Promise<void> {
  // Rows are unique per key within a call (aggregateLlmUsage); existing rows add up.
  await upsertRows(
    tx,
    llmUsageHourly,
    storedLlmUsage(rows),
    [llmUsageHourly.systemId, llmUsageHourly.feature, llmUsageHourly.hour],
    {
      calls: `llm_usage_hourly.calls + excluded.calls`,
      errors: `llm_usage_hourly.errors + excluded.errors`,
      inputTokens: `llm_usage_hourly.input_tokens + excluded.input_tokens`,
      outputTokens: `llm_usage_hourly.output_tokens + excluded.output_tokens`,
      costUsd: `llm_usage_hourly.cost_usd + excluded.cost_usd`,
      latencyBuckets: `(select coalesce(jsonb_object_agg(bucket, calls), '{}'::jsonb) from (
        select key as bucket, sum(value::bigint) as calls from (
          select * from jsonb_each_text(llm_usage_hourly.latency_buckets)
          union all select * from jsonb_each_text(excluded.latency_buckets)) as both_sides
        group by key) as merged)`,
    },
  );
}

export interface LlmUsageSummary {
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

/** Usage of one system (optionally one feature) over [from, to), merged from the hourly rows. */
export async function llmUsageSummary(
  db: Queryable,
  filter: { systemId: string; feature?: string; from: string; to: string },
): Promise<LlmUsageSummary> {
  const rows = await db
    .select()
    .from(llmUsageHourly)
    .where(
      and(
        eq(llmUsageHourly.systemId, filter.systemId),
        filter.feature === undefined ? undefined : eq(llmUsageHourly.feature, filter.feature),
        gte(llmUsageHourly.hour, filter.from),
        lt(llmUsageHourly.hour, filter.to),
      ),
    );
  const buckets: number[] = [];
  const summary = { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const row of rows) {
    summary.calls += row.calls;
    summary.errors += row.errors;
    summary.inputTokens += row.inputTokens;
    summary.outputTokens += row.outputTokens;
    summary.costUsd += row.costUsd;
    mergeBuckets(buckets, fromStoredBuckets(row.latencyBuckets));
  }
  return {
    ...summary,
    latencyMs: {
      p50: bucketPercentile(buckets, 0.5),
      p95: bucketPercentile(buckets, 0.95),
      p99: bucketPercentile(buckets, 0.99),
    },
  };
}

/** Adds a batch's usage rows into an in-memory table, exactly as upsertLlmUsage adds them in SQL. */
export function mergeLlmUsage(into: Map<string, LlmUsageRow>, rows: readonly LlmUsageRow[]): void {
  for (const row of rows) {
    const key = `${row.systemId}\u0000${row.feature}\u0000${row.hour}`;
    const existing = into.get(key);
    if (existing === undefined) {
      into.set(key, { ...row, latencyBuckets: [...row.latencyBuckets] });
      continue;
    }
    existing.calls += row.calls;
    existing.errors += row.errors;
    existing.inputTokens += row.inputTokens;
    existing.outputTokens += row.outputTokens;
    existing.costUsd += row.costUsd;
    mergeBuckets(existing.latencyBuckets, row.latencyBuckets);
  }
}
