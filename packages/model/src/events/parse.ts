// parseEvent: validation with messages a sender can act on (a dotted path and what was expected).
import type { z } from "zod";
import { cloudEventSchema, eventTypes, isEventType, type MaturityEvent } from "./catalogue.ts";
import { eventShapeIssue } from "./json-shape.ts";
import { atClock } from "./time-window.ts";

export type EventIssue = { path: string; message: string };
export type ParseEventResult = { ok: true; event: MaturityEvent } | { ok: false; issues: EventIssue[] };

export interface ParseEventOptions {
  /** The clock the time window is checked against (limits.ts); the wall clock by default. */
  now?: number;
}

/**
 * Validates one event against its type's schema and the input limits (limits.ts): what passes
 * can be stored, scored and serialised.
 */
export function parseEvent(input: unknown, options: ParseEventOptions = {}): ParseEventResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail("", `expected an object (a CloudEvents JSON event), got ${describeValue(input)}`);
  }
  // Before the schema: its checks recurse, and what breaks the limits must not reach them.
  const shape = eventShapeIssue(input);
  if (shape !== undefined) return fail(formatPath(shape.path), shape.message);
  // Checked before the union so an unknown type gives one clear issue, not one per catalogued type.
  const type: unknown = (input as Record<string, unknown>).type;
  if (!isEventType(type)) {
    const expected = `expected one of ${eventTypes.join("|")}`;
    if (type === undefined) return fail("type", `required; ${expected}`);
    if (typeof type !== "string")
      return fail("type", `expected a string, got ${describeValue(type)}; ${expected}`);
    return fail("type", `unknown event type ${JSON.stringify(type)}; ${expected}`);
  }
  const result = atClock(options.now ?? Date.now(), () =>
    cloudEventSchema.safeParse(input, { error: describeIssue }),
  );
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}

/** One line, e.g. `data.status: expected one of succeeded|failed|cancelled; time: …`. */
export function formatIssues(issues: readonly EventIssue[]): string {
  return issues.map((issue) => `${issue.path === "" ? "(root)" : issue.path}: ${issue.message}`).join("; ");
}

function fail(path: string, message: string): ParseEventResult {
  return { ok: false, issues: [{ path, message }] };
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** A field's path as a person reads it: `data.extra.note`, `scope.teams[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && identifier.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const expectedNames: Record<string, string> = {
  int: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
};

function expectedName(expected: string): string {
  return expectedNames[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  return String(value);
}

// Per-parse error map: replaces zod's generic wording; returning undefined keeps zod's message.
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const got = `, got ${describeValue(issue.input)}`;
  const missing = issue.input === undefined;
  switch (issue.code) {
    case "invalid_type":
      return missing
        ? `required; expected ${expectedName(issue.expected)}`
        : `expected ${expectedName(issue.expected)}${got}`;
    case "invalid_value": {
      const expected =
        issue.values.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}`
          : `expected one of ${issue.values.map(String).join("|")}`;
      return missing ? `required; ${expected}` : `${expected}${got}`;
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const op = `${issue.code === "too_small" ? ">" : "<"}${issue.inclusive === false ? "" : "="}`;
      if (issue.origin === "string") {
        if (issue.code === "too_small" && Number(bound) === 1) return "must not be empty";
        return `expected ${issue.code === "too_small" ? "at least" : "at most"} ${bound} characters`;
      }
      if (issue.origin === "array") {
        return `expected ${issue.code === "too_small" ? "at least" : "at most"} ${bound} items`;
      }
      return `expected a number ${op} ${bound}${got}`;
    }
    case "invalid_format":
      if (issue.format === "datetime") {
        return `expected an RFC 3339 date-time with offset, e.g. 2026-03-01T12:00:00Z${got}`;
      }
      return `expected ${issue.format} format${got}`;
    case "invalid_union": {
      const alternatives = issue.errors.flatMap((branch) =>
        branch.flatMap((sub) => (sub.code === "invalid_type" ? [expectedName(sub.expected)] : [])),
      );
      if (alternatives.length === 0) return undefined;
      return `${missing ? "required; " : ""}expected ${alternatives.join(" or ")}${missing ? "" : got}`;
    }
    default:
      return undefined;
  }
}
