// The configuration machinery every process shares. A setting is an environment variable declared once, as a zod schema with a one-line
// `.describe()`, in a fragment (an object of such schemas) next to the code it configures; each
// process composes the fragments it reads and parses them all at start (`parseSettings`).
// docs/configuration.md is generated from the same schemas (apps/web/src/docs).
import { z } from "zod";
import { knownSettingNames } from "./known-settings.ts";

/** A fragment: environment variable name → its schema, each with a one-line description. */
export type Settings = Record<string, z.ZodType>;

/** What a fragment parses to. */
export type SettingValues<S extends Settings> = z.output<z.ZodObject<S>>;

/** The environment, or anything shaped like it (tests pass plain objects). */
export type SettingsSource = Record<string, string | undefined>;

/**
 * Parses the settings of a process from the environment; throws `invalid configuration: NAME: what
 * was expected; …` naming every bad one. An empty variable counts as unset.
 */
export function parseSettings<S extends Settings>(settings: S, source: SettingsSource): SettingValues<S> {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = z.object(settings).safeParse(present);
  if (!parsed.success) throw new Error(`invalid configuration: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
}

type Required<S extends Settings, K extends keyof S> = Omit<S, K> & {
  [P in K]: z.ZodType<NonNullable<z.output<S[P]>>>;
};

/**
 * A composition step: the same settings, the named ones required (with the message a missing one
 * gets). The standalone processes require what `npm start` may leave unset (KAFKA_BROKERS, …).
 */
export function requireSettings<S extends Settings, K extends keyof S & string>(
  settings: S,
  missing: Record<K, string>,
): Required<S, K> {
  const composed: Settings = { ...settings };
  for (const [name, message] of Object.entries(missing) as [K, string][]) {
    const schema = settings[name]!;
    const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
    composed[name] = z
      .custom((value) => value !== undefined, { error: message })
      .pipe(inner)
      .describe(schema.description ?? "");
  }
  return composed as Required<S, K>;
}

/** A composition step: the same settings with other defaults (the standalone ingest's PORT, …). */
export function withDefaults<S extends Settings>(
  settings: S,
  defaults: { [K in keyof S]?: NonNullable<z.input<S[K]>> },
): S {
  const composed: Settings = { ...settings };
  for (const [name, value] of Object.entries(defaults)) {
    const schema = settings[name]!;
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    composed[name] = inner.default(value as never).describe(schema.description ?? "");
  }
  return composed as S;
}

/** What docs/configuration.md says about one setting of one process, read from its schema. */
export interface SettingFacts {
  description: string | undefined;
  /** The process refuses to start without it. */
  required: boolean;
  /** The value it takes when unset, as it would be written in the environment. */
  defaultValue: string | undefined;
  /** The values it accepts, when they are a fixed list. */
  values: readonly string[] | undefined;
}

export function settingFacts(schema: z.ZodType): SettingFacts {
  return {
    description: schema.description,
    required: !schema.safeParse(undefined).success,
    defaultValue: defaultOf(schema),
    values: valuesOf(schema),
  };
}

function defaultOf(schema: z.core.$ZodType): string | undefined {
  const def = schema._zod.def;
  if (def.type === "default") {
    const value: unknown = (def as z.core.$ZodDefaultDef).defaultValue;
    return Array.isArray(value) ? value.join(",") : String(value);
  }
  if (def.type === "pipe") return defaultOf((def as z.core.$ZodPipeDef).in);
  return undefined;
}

function valuesOf(schema: z.core.$ZodType): readonly string[] | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case "enum":
      return Object.values((def as z.core.$ZodEnumDef).entries).map(String);
    case "default":
    case "optional":
      return valuesOf((def as z.core.$ZodDefaultDef).innerType);
    case "array":
      return valuesOf((def as z.core.$ZodArrayDef).element);
    case "pipe": {
      const pipe = def as z.core.$ZodPipeDef;
      return valuesOf(pipe.in) ?? valuesOf(pipe.out);
    }
    default:
      return undefined;
  }
}

/** A variable named like one of ours is expected to be a setting of one of our processes. */
export const settingPrefixes = ["MATURITY_", "INGEST_", "WORKER_", "KAFKA_"] as const;

/** Named like ours, read by others: Kafka's own start scripts and infra/ (never reported). */
export const foreignSettingNames: readonly string[] = ["KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_WAIT_SECONDS"];

export interface UnknownSetting {
  /** The variable in the environment. */
  name: string;
  /** The known setting closest to it. */
  suggestion: string;
}

/**
 * The variables that look like settings of ours (one of `settingPrefixes`; or within two edits,
 * or a different case, of a longer setting name; or starting like RESCORE_INTERVAL_*) but are a
 * setting of none of our processes, each with the closest known setting. `known` is the union of
 * every process's settings, so one process's setting is never reported in another.
 */
export function unknownSettings(
  source: SettingsSource,
  known: readonly string[] = knownSettingNames,
): UnknownSetting[] {
  const knownSet = new Set(known);
  const ignored = new Set(foreignSettingNames);
  const unprefixed = known.filter(
    (name) => !settingPrefixes.some((prefix) => name.startsWith(prefix)) && name.length >= 8,
  );
  const stems = unprefixed
    .map((name) => name.split("_"))
    .filter((words) => words.length >= 3)
    .map((words) => words.slice(0, -1).join("_"));
  const looksOurs = (upper: string) =>
    settingPrefixes.some((prefix) => upper.startsWith(prefix)) ||
    stems.some((stem) => upper === stem || upper.startsWith(`${stem}_`)) ||
    unprefixed.some((name) => editDistance(upper, name) <= 2);
  const found: UnknownSetting[] = [];
  for (const name of Object.keys(source).sort()) {
    const upper = name.toUpperCase();
    if (knownSet.has(name) || ignored.has(upper) || !looksOurs(upper)) continue;
    found.push({ name, suggestion: closest(upper, known) });
  }
  return found;
}

function closest(name: string, known: readonly string[]): string {
  let best = known[0] ?? "";
  let bestDistance = Infinity;
  for (const candidate of [...known].sort()) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = distance;
    }
  }
  return rows[a.length]![b.length]!;
}

export function unknownSettingMessage(unknown: UnknownSetting): string {
  return `unknown setting ${unknown.name}; did you mean ${unknown.suggestion}?`;
}

/** Any pino-style logger. */
export interface SettingsLogger {
  warn(details: object, message: string): void;
}

/** Logs one structured warning per unknown setting (see `unknownSettings`). */
export function warnUnknownSettings(logger: SettingsLogger, unknown: readonly UnknownSetting[]): void {
  for (const setting of unknown) {
    logger.warn(
      { setting: setting.name, suggestion: setting.suggestion, docs: "docs/configuration.md" },
      unknownSettingMessage(setting),
    );
  }
}

/** A comma-separated list (KAFKA_BROKERS, INGEST_TOKENS, …), blanks dropped. */
export function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}
