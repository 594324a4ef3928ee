// zod's issues reworded for people editing the alerts file: "unknown field", "missing: expected
// text", "expected one of level_dropped, … (got "level_drop")". Values of credential fields are
// never repeated: an error message may end up in a log.
import type { z } from "zod";
import type { FileIssue } from "./file-errors.ts";

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map",
  record: "a map",
};

export function fileIssues(issues: readonly Issue[]): FileIssue[] {
  return issues.flatMap((issue): FileIssue[] => {
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: "unknown field" }));
    // A bad name is the key's fault: point at the key, not at what it holds.
    return [{ path, message: messageOf(issue, path), ...(issue.code === "invalid_key" && { atKey: true }) }];
  });
}

function messageOf(issue: Issue, path: readonly PropertyKey[]): string {
  const input = "input" in issue ? issue.input : undefined;
  const got = gotText(input, path);
  switch (issue.code) {
    case "invalid_union":
      // A discriminated union's issue sits at the discriminator but carries the whole object.
      if ("options" in issue && Array.isArray(issue.options) && "discriminator" in issue) {
        const options = `expected one of ${issue.options.map(String).join(", ")}`;
        const value = member(input, String(issue.discriminator));
        return value === undefined ? `missing: ${options}` : `${options}${gotText(value, path)}`;
      }
      return `does not match any of the forms allowed here${got}`;
    case "invalid_type": {
      const expected = typeNames[issue.expected] ?? issue.expected;
      return input === undefined ? `missing: expected ${expected}` : `expected ${expected}${got}`;
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      return `${values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(", ")}`}${got}`;
    }
    case "too_small":
    case "too_big":
      return `${boundMessage(issue)}${got}`;
    case "invalid_format":
      // The schema's own messages are written for people; zod's start "Invalid".
      return issue.message.startsWith("Invalid")
        ? `expected text in the form ${issue.format}${got}`
        : issue.message + got;
    case "invalid_key":
      return "expected a name of letters, digits and . _ - (starting with a letter or digit)";
    default:
      return issue.message;
  }
}

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

function member(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

const credentialFields = new Set<PropertyKey>(["secret", "url"]);

/** " (got …)": the offending value, short enough for one line; nothing for credentials. */
function gotText(value: unknown, path: readonly PropertyKey[]): string {
  if (value === undefined || credentialFields.has(path[path.length - 1] ?? "")) return "";
  if (Array.isArray(value)) return ` (got a list of ${value.length})`;
  if (typeof value === "object" && value !== null) return " (got a map)";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}…` : text})`;
}
