// zod's issues reworded for people editing a file: "expected one of production, staging (got
// "prod")" instead of zod's generic phrasing, one issue per unknown field (with the fields allowed
// there), and a union's issue replaced by the issues of the one form the value evidently meant.
// The one owner of this wording: policy and rubric files use it, and so does the alerts file
// (@maturity/alerts), whose credentials it never repeats (`secretFields`).
import { criterionIdPattern, fieldConditionSchema, rubricVersionPattern } from "@maturity/model/rubric";
import type { z } from "zod";
import type { DocumentIssue } from "./errors.ts";
import { allowedFields, fieldsWithin, isWholeNumber, schemaAt, unionOptions } from "./schema-walk.ts";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export interface ReadableIssueOptions {
  /**
   * Fields whose values are never repeated in a message (credentials, e.g. `url` and `secret`):
   * nothing at such a key or inside it, nor a value standing where a map that holds such a field
   * belongs (a map written as plain text may be the credential itself). Messages about them still
   * say what was expected. A message may end up in a log; a credential must not.
   */
  secretFields?: readonly string[];
}

/** Readable issues for `document`, which failed `schema`. */
export function readableIssues(
  issues: readonly Issue[],
  schema: AnySchema,
  document: unknown,
  options: ReadableIssueOptions = {},
): DocumentIssue[] {
  return issuesIn(issues, { schema, document, prefix: [], secretFields: new Set(options.secretFields) });
}

/** What issues' paths are relative to: a schema, the value it checked, and where that value sits. */
interface Scope {
  schema: AnySchema;
  document: unknown;
  prefix: readonly PropertyKey[];
  secretFields: ReadonlySet<string>;
}

function issuesIn(issues: readonly Issue[], scope: Scope): DocumentIssue[] {
  return issues.flatMap((issue) => readable(issue, scope));
}

function readable(issue: Issue, scope: Scope): DocumentIssue[] {
  const { schema, document } = scope;
  const path = [...scope.prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    const fields = allowedFields(schemaAt(schema, issue.path, document));
    const hint = fields === undefined ? "" : `; the fields here are ${fields.join(", ")}`;
    return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: `unknown field${hint}` }));
  }
  if (issue.code === "invalid_union") return unionIssues(issue, scope);
  const got = gotOf(scope, issue.path);
  // A bad key is the key's fault: point at it, and say what its own schema asks (it is in the path).
  if (issue.code === "invalid_key") {
    const inner = issue.issues[0] as Issue | undefined;
    const message = inner === undefined ? issue.message : leafMessage(inner, path, false, () => "");
    return [{ path, atKey: true, message }];
  }
  const whole = issue.code === "invalid_type" && isWholeNumber(schemaAt(schema, issue.path, document));
  return [{ path, message: leafMessage(issue, path, whole, got) }];
}

function unionIssues(issue: Extract<Issue, { code: "invalid_union" }>, scope: Scope): DocumentIssue[] {
  const { schema, document } = scope;
  const path = [...scope.prefix, ...issue.path];
  const got = gotOf(scope, issue.path);
  if ("discriminator" in issue && "options" in issue) {
    // The path already ends at the discriminator (e.g. `rule`).
    const options = `expected one of ${(issue.options as unknown[]).map(String).join(", ")}`;
    const value = valueAt(document, issue.path);
    return [{ path, message: value === undefined ? `missing: ${options}` : `${options}${got(value)}` }];
  }
  // A form whose own issues all lie inside the value is the one the author meant: report those.
  const here = schemaAt(schema, issue.path, document);
  const options = unionOptions(here);
  const meant = issue.errors
    .map((branch, index) => ({ branch, option: options?.[index] }))
    .filter(({ branch }) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  const only = meant[0];
  if (meant.length === 1 && only?.option !== undefined)
    return issuesIn(only.branch, {
      ...scope,
      schema: only.option,
      document: valueAt(document, issue.path),
      prefix: path,
    });
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

function leafMessage(
  issue: Issue,
  path: readonly PropertyKey[],
  whole: boolean,
  got: (value: unknown) => string,
): string {
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
      const pattern = "pattern" in issue && issue.pattern !== undefined ? String(issue.pattern) : undefined;
      const expected = own
        ? issue.message
        : ((pattern === undefined ? undefined : knownPatterns[pattern]) ??
          (issue.format === "regex" && pattern !== undefined
            ? `expected text matching ${pattern}`
            : `expected text in the form ${issue.format}`));
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

/** How values at `path` (relative to the scope) are shown: as written, or never (credentials). */
function gotOf(scope: Scope, path: readonly PropertyKey[]): (value: unknown) => string {
  return mayRepeat(scope, path) ? got : () => "";
}

function mayRepeat(scope: Scope, path: readonly PropertyKey[]): boolean {
  const { secretFields } = scope;
  if (secretFields.size === 0) return true;
  const isSecret = (field: PropertyKey) => typeof field === "string" && secretFields.has(field);
  if ([...scope.prefix, ...path].some(isSecret)) return false;
  // Where a map that holds a credential belongs, whatever stands there may be the credential.
  return ![...fieldsWithin(schemaAt(scope.schema, path, scope.document))].some(isSecret);
}

/** " (got …)": the offending value, short enough for one line. */
function got(value: unknown): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return ` (got a list of ${value.length})`;
  if (typeof value === "object" && value !== null) return " (got a map)";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}…` : text})`;
}
