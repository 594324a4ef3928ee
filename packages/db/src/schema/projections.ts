import type { CatalogueChange } from "@maturity/model";
import type { StoredBuckets } from "../latency-buckets.ts";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "string" });

/**
 * Read models live in their own schema so `maturity replay` can rebuild all of them side by side
 * (in "projections_next", same tables) and swap them in with one schema rename, atomically.
 */
export const projectionSchemaName = "projections";
/** Declared at top level so drizzle-kit's migrations create the schema. */
export const liveProjectionSchema = pgSchema(projectionSchemaName);

/** The projection tables of one schema: the live one, or the one a replay is filling. */
export function projectionTables(schemaName: string) {
  const schema = pgSchema(schemaName);

  /** Each system's folded facts (packages/scoring), so new events fold in without re-reading history. */
  const systemFacts = schema.table("system_facts", {
    systemId: text().primaryKey(),
    factsVersion: integer().notNull(),
    facts: jsonb().notNull(),
  });

  /** GPU queue facts: their subject is a queue, shared by the systems whose jobs run on it. */
  const queueFacts = schema.table("queue_facts", {
    queue: text().primaryKey(),
    facts: jsonb().notNull(),
  });

  /** The latest full report of each system (criteria, metrics, risks), as packages/scoring made it. */
  const systemReports = schema.table("system_reports", {
    systemId: text().primaryKey(),
    name: text().notNull(),
    team: text().notNull(),
    kind: text().notNull(),
    riskTier: text().notNull(),
    retired: boolean().notNull(),
    asOf: timestamptz().notNull(),
    rubricVersion: text().notNull(),
    report: jsonb().notNull(),
  });

  const axisScores = schema.table(
    "axis_scores",
    {
      systemId: text().notNull(),
      axis: text().notNull(),
      score: doublePrecision().notNull(),
      level: integer().notNull(),
    },
    (table) => [primaryKey({ columns: [table.systemId, table.axis] })],
  );

  const criterionResults = schema.table(
    "criterion_results",
    {
      systemId: text().notNull(),
      criterionId: text().notNull(),
      axis: text().notNull(),
      level: integer().notNull(),
      degree: doublePrecision().notNull(),
      met: boolean().notNull(),
      status: text().notNull(),
      evidence: jsonb().notNull(),
    },
    (table) => [primaryKey({ columns: [table.systemId, table.criterionId] })],
  );

  /** Ranked risks: a system's own (system_id set) and team-level track gaps (system_id null). */
  const risks = schema.table(
    "risks",
    {
      riskKey: text().primaryKey(),
      systemId: text(),
      team: text().notNull(),
      kind: text().notNull(),
      rank: doublePrecision().notNull(),
      risk: jsonb().notNull(),
    },
    (table) => [index("risks_rank_idx").on(table.rank), index("risks_system_idx").on(table.systemId)],
  );

  /** Track medians and gaps per team ("team:<name>") and for the whole organisation ("org"). */
  const rollups = schema.table("rollups", {
    scope: text().primaryKey(),
    team: text(),
    systemCount: integer().notNull(),
    tracks: jsonb().notNull(),
    trackGap: jsonb().notNull(),
    asOf: timestamptz().notNull(),
  });

  /** One row per change of a system's axis score: when, to what, under which rubric, and why. */
  const scoreHistory = schema.table(
    "score_history",
    {
      id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
      systemId: text().notNull(),
      axis: text().notNull(),
      at: timestamptz().notNull(),
      score: doublePrecision().notNull(),
      level: integer().notNull(),
      previousScore: doublePrecision(),
      rubricVersion: text().notNull(),
      /** The newest event of the batch that moved the score; null when the evidence window moved. */
      causeEventId: text(),
      cause: text().notNull(),
    },
    // `id` last: "the score as of a time" (latest at, then latest id) is one step back in the index,
    // not a read and sort of every earlier row of the system's axis.
    (table) => [index("score_history_system_axis_at_idx").on(table.systemId, table.axis, table.at, table.id)],
  );

  /**
   * LLM usage per system × feature × hour. Latency is a histogram over fixed log-scale buckets, so
   * rows merge by adding counts and p50/p95/p99 can be read from any merge of them.
   */
  const llmUsageHourly = schema.table(
    "llm_usage_hourly",
    {
      systemId: text().notNull(),
      /** Empty string when the call named no feature (its spend is unattributed). */
      feature: text().notNull(),
      hour: timestamptz().notNull(),
      calls: bigint({ mode: "number" }).notNull(),
      errors: bigint({ mode: "number" }).notNull(),
      inputTokens: bigint({ mode: "number" }).notNull(),
      outputTokens: bigint({ mode: "number" }).notNull(),
      costUsd: doublePrecision().notNull(),
      /** Bucket index → calls (StoredBuckets): only the non-empty buckets. */
      latencyBuckets: jsonb()
        .$type<StoredBuckets>()
        .notNull()
        .default(sql`'{}'::jsonb`),
    },
    (table) => [primaryKey({ columns: [table.systemId, table.feature, table.hour] })],
  );

  /** Events from a native id no catalogue entry maps yet (subject "unmapped:<kind>:<id>"). */
  const unmappedSources = schema.table("unmapped_sources", {
    ref: text().primaryKey(),
    eventCount: bigint({ mode: "number" }).notNull(),
    firstSeenAt: timestamptz().notNull(),
    lastSeenAt: timestamptz().notNull(),
    /** The system a catalogue entry later mapped this id to; its events were then folded there. */
    mappedTo: text(),
  });

  /** Native ids ("repo:org/x", "service:checkout", …) to systems, from catalogue `sources`. */
  const sourceMappings = schema.table("source_mappings", {
    ref: text().primaryKey(),
    systemId: text().notNull(),
  });

  /**
   * One row per system seen in the event stream, with its catalogue entry (when one was
   * registered) and the time of its latest event. The entry's fields and `retiredAt` are the
   * catalogue identity packages/model computes from `catalogue`, the system's catalogue changes
   * (registered/updated/retired) in event-time order: the same definition scoring uses.
   */
  const systems = schema.table("systems", {
    systemId: text().primaryKey(),
    name: text(),
    team: text(),
    kind: text(),
    riskTier: text(),
    eventCount: bigint({ mode: "number" }).notNull().default(0),
    latestEventAt: timestamptz().notNull(),
    retiredAt: timestamptz(),
    catalogue: jsonb()
      .$type<CatalogueChange[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  });

  /**
   * The policy in force (one row, scope "org"): the last policy.activated whose content differed
   * from the policy before it. Every score is computed with its rubric; no row means the built-in.
   */
  const activePolicy = schema.table("active_policy", {
    scope: text().primaryKey(),
    name: text().notNull(),
    /** The policy's version as its file gives it (a whole number, or a full rubric's version). */
    version: text().notNull(),
    rubricVersion: text().notNull(),
    /** SHA-256 of the document's canonical JSON: an activation with the same one changes nothing. */
    contentHash: text().notNull(),
    /** The policy (or rubric) file as parsed JSON, as the activation event carried it. */
    document: jsonb().notNull(),
    /** The activation event's time. */
    activatedAt: timestamptz().notNull(),
    eventId: text().notNull(),
    actor: text().notNull(),
  });

  return {
    systemFacts,
    queueFacts,
    systemReports,
    axisScores,
    criterionResults,
    risks,
    rollups,
    scoreHistory,
    llmUsageHourly,
    unmappedSources,
    sourceMappings,
    systems,
    activePolicy,
  };
}

export type ProjectionTables = ReturnType<typeof projectionTables>;

export const liveProjections = projectionTables(projectionSchemaName);
export const {
  systemFacts,
  queueFacts,
  systemReports,
  axisScores,
  criterionResults,
  risks,
  rollups,
  scoreHistory,
  llmUsageHourly,
  unmappedSources,
  sourceMappings,
  systems,
  activePolicy,
} = liveProjections;
