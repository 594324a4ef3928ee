// The shape limits of limits.ts, checked without recursion into anything unbounded: over the raw
// bytes of a body before it is parsed, and over a parsed event before it is validated or stored.
import { jsonLimits } from "./limits.ts";

// In a u-mode pattern a surrogate pair is one code point, so only lone halves match.
const loneSurrogate = /\p{Cs}/u;

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/**
 * Scans JSON text for nesting deeper than `bodyDepth` and for objects or arrays with more members
 * than allowed, so neither the parser nor anything after it meets them. Only structure is looked
 * at (a malformed document is the parser's to refuse). Returns why it is refused, or undefined.
 */
export function jsonTextIssue(text: Uint8Array): string | undefined {
  // Per open container: members seen so far (commas + 1), and whether it is an object.
  const members: number[] = [];
  const isObject: boolean[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const byte = text[index];
    if (inString) {
      if (byte === backslash) index++;
      else if (byte === quote) inString = false;
      continue;
    }
    if (byte === quote) inString = true;
    else if (byte === openBrace || byte === openBracket) {
      if (members.length === jsonLimits.bodyDepth)
        return `the JSON nests objects and arrays deeper than ${jsonLimits.bodyDepth} levels (at byte ${index})`;
      members.push(1);
      isObject.push(byte === openBrace);
    } else if (byte === closeBrace || byte === closeBracket) {
      members.pop();
      isObject.pop();
    } else if (byte === comma && members.length > 0) {
      const depth = members.length - 1;
      const count = ++members[depth]!;
      const limit = isObject[depth] ? jsonLimits.objectKeys : jsonLimits.arrayItems;
      if (count > limit)
        return `the JSON has ${isObject[depth] ? "an object with more than" : "an array with more than"} ${limit} ${isObject[depth] ? "keys" : "items"} (at byte ${index})`;
    }
  }
  return undefined;
}

export interface ShapeIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * The first place where a parsed value breaks the event limits: nesting, object and array sizes,
 * strings the store cannot hold (NUL, unpaired surrogates, over-long) and non-finite numbers.
 * Recursion stops at `eventDepth`, so any input is safe to walk.
 */
export function eventShapeIssue(value: unknown): ShapeIssue | undefined {
  const path: PropertyKey[] = [];
  const message = walk(value, path, 1);
  return message === undefined ? undefined : { path, message };
}

function walk(value: unknown, path: PropertyKey[], depth: number): string | undefined {
  if (typeof value === "string") return stringIssue(value);
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `expected a finite number, got ${value}`;
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (depth > jsonLimits.eventDepth) {
    return `nested deeper than ${jsonLimits.eventDepth} levels of objects and arrays (the envelope is level 1)`;
  }
  if (Array.isArray(value)) {
    if (value.length > jsonLimits.arrayItems)
      return `expected at most ${jsonLimits.arrayItems} items, got ${value.length}`;
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      const issue = walk(value[index], path, depth + 1);
      if (issue !== undefined) return issue;
      path.pop();
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > jsonLimits.objectKeys)
    return `expected at most ${jsonLimits.objectKeys} keys, got ${keys.length}`;
  for (const key of keys) {
    path.push(key);
    const issue = stringIssue(key, "key") ?? walk((value as Record<string, unknown>)[key], path, depth + 1);
    if (issue !== undefined) return issue;
    path.pop();
  }
  return undefined;
}

function stringIssue(text: string, what: "string" | "key" = "string"): string | undefined {
  if (text.length > jsonLimits.stringLength)
    return `expected a ${what} of at most ${jsonLimits.stringLength} characters, got ${text.length}`;
  return storableTextIssue(text, what);
}

/**
 * The first string or key anywhere in `value` that the store cannot hold (NUL, an unpaired
 * surrogate), for inputs that are not events (the portal's queries and admin texts), whose sizes
 * their own schemas bound. Walks with its own stack, so no nesting can exhaust the call stack.
 */
export function unstorableTextIssue(value: unknown): ShapeIssue | undefined {
  // Each entry links to its container's, so a path is only built for the one string refused.
  interface Entry {
    value: unknown;
    key?: PropertyKey;
    container?: Entry;
  }
  const pathTo = (entry: Entry): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.container) path.push(at.key);
    return path.reverse();
  };
  const pending: Entry[] = [{ value }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if (typeof entry.value === "string") {
      const message = storableTextIssue(entry.value, "string");
      if (message !== undefined) return { path: pathTo(entry), message };
    } else if (typeof entry.value === "object" && entry.value !== null) {
      const isArray = Array.isArray(entry.value);
      for (const [key, member] of Object.entries(entry.value)) {
        const memberEntry: Entry = { value: member, key: isArray ? Number(key) : key, container: entry };
        const message = storableTextIssue(key, "key");
        if (message !== undefined) return { path: pathTo(memberEntry), message };
        pending.push(memberEntry);
      }
    }
  }
  return undefined;
}

function storableTextIssue(text: string, what: "string" | "key"): string | undefined {
  if (text.includes("\u0000"))
    return `the ${what} contains a NUL character (\\u0000), which cannot be stored`;
  if (loneSurrogate.test(text))
    return `the ${what} contains an unpaired UTF-16 surrogate (e.g. a lone \\ud800), which cannot be stored`;
  return undefined;
}
