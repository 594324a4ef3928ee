// zod's issues reworded for people editing a file: "expected one of production, staging (got
// "prod")" instead of zod's generic phrasing, one issue per unknown field, and a union's issue
// replaced by the issues of the one form the value evidently meant.
import { criterionIdPattern, fieldConditionSchema, rubricVersionPattern } from "@maturity/model/rubric";
import type { z } from "zod";
import type { DocumentIssue } from "./errors.ts";
import { allowedFields, isWholeNumber, schemaAt, unionOptions } from "./schema-walk.ts";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Readable issues for `document`, which failed `schema`; `prefix` places them in a larger document. */
export function readableIssues(
  issues: readonly Issue[],
  schema: AnySchema,
  document: unknown,
  prefix: readonly PropertyKey[] = [],
): DocumentIssue[] {
  return issues.flatMap((issue) => readable(issue, schema, document, prefix));
}

function readable(issue: Issue, schema: AnySchema, document: unknown, prefix: readonly PropertyKey[]) {
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    const fields = allowedFields(schemaAt(schema, issue.path, document));
    const hint = fields === undefined ? "" : `; the fields here are ${fields.join(", ")}`;
    return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: `unknown field${hint}` }));
  }
  if (issue.code === "invalid_union") return unionIssues(issue, schema, document, prefix);
  const whole = issue.code === "invalid_type" && isWholeNumber(schemaAt(schema, issue.path, document));
  return [{ path, message: leafMessage(issue, path, whole) }];
}

function unionIssues(
  issue: Extract<Issue, { code: "invalid_union" }>,
  schema: AnySchema,
  document: unknown,
  prefix: readonly PropertyKey[],
): DocumentIssue[] {
  const path = [...prefix, ...issue.path];
  if ("discriminator" in issue && "options" in issue) {
    // The path already ends at the discriminator (e.g. `rule`).
    const options = (issue.options as unknown[]).map(String).join(", ");
    const value = valueAt(document, issue.path);
    return [{ path, message: `expected one of ${options}${got(value)}` }];
  }
  // A form whose own issues all lie inside the value is the one the author meant: report those.
  const here = schemaAt(schema, issue.path, document);
  const options = unionOptions(here);
  const meant = issue.errors
    .map((branch, index) => ({ branch, option: options?.[index] }))
    .filter(({ branch }) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  const only = meant[0];
  if (meant.length === 1 && only?.option !== undefined)
    return readableIssues(only.branch, only.option, valueAt(document, issue.path), path);
  const value = valueAt(document, issue.path);
  const expected =
    here === fieldConditionSchema
      ? "expected a condition: true or false, text, a number, a list of texts, { atMost: <number> } or { atLeast: <number> }"
      : "does not match any of the forms allowed here";
  return [{ path, message: `${expected}${got(value)}` }];
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const segment of path)
    value =
      typeof value === "object" && value !== null
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined;
  return value;
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map",
  record: "a map",
};

function leafMessage(issue: Issue, path: readonly PropertyKey[], whole: boolean): string {
  const input = "input" in issue ? issue.input : undefined;
  const last = path[path.length - 1];
  switch (issue.code) {
    case "invalid_type": {
      const expected = whole ? typeNames["int"] : (typeNames[issue.expected] ?? issue.expected);
      // A document is JSON: nothing in it is undefined, so undefined is a missing field.
      return input === undefined ? `missing: expected ${expected}` : `expected ${expected}${got(input)}`;
    }
    case "too_small":
    case "too_big": {
      if (issue.origin === "number" && last === "threshold")
        return `expected a share more than 0 and at most 1${got(input)}`;
      return `${boundMessage(issue)}${got(input)}`;
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      const expected = values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(", ")}`;
      return `${expected}${got(input)}`;
    }
    case "invalid_format": {
      // zod's own wording starts "Invalid"; a schema's own message is already meant for people.
      const own = !issue.message.startsWith("Invalid");
      const pattern = "pattern" in issue ? String(issue.pattern) : "";
      const expected = own ? issue.message : (knownPatterns[pattern] ?? `expected text matching ${pattern}`);
      return `${expected}${got(input)}`;
    }
    default:
      return issue.message;
  }
}

const knownPatterns: Record<string, string> = {
  [String(criterionIdPattern)]:
    "expected a criterion id <axis>.l<level>.<slug>, e.g. evaluation.l3.suite-in-ci",
  [String(rubricVersionPattern)]: "expected a version of letters, digits and . _ @ + -, e.g. 2026.11-1",
};

function boundMessage(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  const word = small
    ? issue.inclusive
      ? "at least"
      : "more than"
    : issue.inclusive
      ? "at most"
      : "less than";
  switch (issue.origin) {
    case "number":
      return `must be ${word} ${bound}`;
    case "string":
      return small && bound === 1 ? "must not be empty" : `must be ${word} ${bound} characters long`;
    case "array":
      return `must list ${word} ${bound} ${bound === 1 ? "item" : "items"}`;
    default:
      return issue.message;
  }
}

/** " (got …)": the offending value, short enough for one line. */
function got(value: unknown): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return ` (got a list of ${value.length})`;
  if (typeof value === "object" && value !== null) return " (got a map)";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}…` : text})`;
}
