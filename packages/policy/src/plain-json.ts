// A policy document is plain JSON data: it is hashed, stored in events and compared. YAML can say
// more (timestamps, sets, binary, infinities through explicit tags); those are refused here.
import type { DocumentIssue } from "./errors.ts";

export function plainJsonIssues(value: unknown, path: PropertyKey[] = []): DocumentIssue[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number")
    return Number.isFinite(value) ? [] : [{ path, message: `expected a finite number (got ${value})` }];
  if (Array.isArray(value)) return value.flatMap((item, i) => plainJsonIssues(item, [...path, i]));
  if (typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null)
      return Object.entries(value).flatMap(([key, item]) => plainJsonIssues(item, [...path, key]));
  }
  const what = value instanceof Date ? "a timestamp" : value instanceof Set ? "a set" : typeof value;
  return [
    {
      path,
      message: `expected plain data: text, a number, true or false, a list or a map (got ${what}; quote it to make it text)`,
    },
  ];
}
