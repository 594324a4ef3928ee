// The input limits: what the event store, the event log and the scoring engine can hold. Declared
// once here; the schemas, ingest's body parser, the worker and docs/input-limits.md read them.

/** Shape limits of JSON, for request bodies and for each event. */
export const jsonLimits = {
  /** Nesting of objects and arrays in a request body or a log record (checked while parsing). */
  bodyDepth: 64,
  /** Nesting of objects and arrays in one event, the envelope being level 1. */
  eventDepth: 32,
  /** Keys in any one object. */
  objectKeys: 1_000,
  /** Items in any one array (a CloudEvents batch, an OTLP export, a list inside an event). */
  arrayItems: 10_000,
  /** Characters in any one string of an event (the catalogue's descriptions included). */
  stringLength: 65_536,
  /**
   * One event, as JSON. The Kafka broker refuses records over 1 MiB by default; this leaves room
   * for the batch framing.
   */
  eventBytes: 512 * 1024,
} as const;

/**
 * Lengths of the fields that become keys in the store. (source, id) is a unique index, whose
 * entries Postgres caps at 2,704 bytes: 256 + 512 characters stay under it even at 3 bytes each.
 */
export const keyLengths = {
  id: 256,
  source: 512,
  subject: 200,
  /** Every other identifier or name (model, version, suite, queue, owner, …). */
  name: 512,
} as const;

/**
 * The window every time field of an event must fall in. The lower bound keeps times the store
 * and its monthly telemetry partitions can hold; the upper bound refuses events from the future
 * (a day of clock skew allowed).
 */
export const timeWindow = {
  earliest: "1970-01-01T00:00:00Z",
  aheadOfNowMs: 24 * 60 * 60 * 1000,
  /** UTC offsets as far as real zones go (Kiribati is +14:00; Postgres refuses beyond ±15:59). */
  maxOffsetMinutes: 14 * 60,
} as const;

/** Ranges of the numeric fields, by what they measure; every number must also be finite. */
export const numberRanges = {
  count: { min: 0, max: 1e9, what: "a count of things (tokens, steps, GPUs, findings, cases)" },
  costUsd: { min: 0, max: 1e6, what: "the cost of one LLM call or agent run, in USD" },
  latencyMs: { min: 0, max: 7 * 24 * 3_600_000, what: "a latency in milliseconds (up to 7 days)" },
  seconds: { min: 0, max: 366 * 24 * 3600, what: "a duration or wait in seconds (up to a year)" },
  minutes: { min: 0, max: 366 * 24 * 60, what: "a duration in minutes (up to a year)" },
  hours: { min: 0, max: 1e6, what: "a duration or GPU time in hours" },
  score: { min: -1e9, max: 1e9, what: "an evaluation score" },
  percent: { min: 0, max: 100, what: "a share of traffic in percent" },
  severity: { min: 1, max: 4, what: "a severity, 1 the most severe" },
} as const;

export type NumberRange = keyof typeof numberRanges;
