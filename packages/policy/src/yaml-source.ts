// A policy or rubric file's text as a document plus a way back from a field's path to its line and
// column. JSON files go through the same YAML parser (JSON is YAML), after a JSON syntax check.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from "yaml";
import type { DocumentIssue, PolicyFileError } from "./errors.ts";
import { formatPath } from "./errors.ts";
import { jsonSyntaxError } from "./json-syntax.ts";

export interface Position {
  line: number;
  column: number;
}

export type SourceResult =
  | { ok: true; value: unknown; locate: (issue: DocumentIssue) => Position }
  | { ok: false; errors: PolicyFileError[] };

export function parseSource(text: string, file: string): SourceResult {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const unreadable = (error: unknown): SourceResult => {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: "", message: `cannot be read: ${message}` }],
    };
  };
  // The parser reports syntax errors as data; whatever it throws is still an answer, not a crash.
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return unreadable(error);
  }
  if (/\.json$/i.test(file)) {
    const syntax = jsonSyntaxError(text);
    if (syntax !== undefined)
      return {
        ok: false,
        errors: [
          {
            file,
            ...position(syntax.offset),
            path: pathNear(doc, text, syntax.offset),
            message: syntax.message,
          },
        ],
      };
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0)
    return {
      ok: false,
      errors: problems.map((problem) => ({
        file,
        ...position(problem.pos[0]),
        path: pathNear(doc, text, problem.pos[0]),
        message: yamlMessage(problem.code, problem.message),
      })),
    };
  let value: unknown;
  try {
    // Aliases of aliases could expand a small file into a huge document: a hundred at most.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return unreadable(error);
  }
  const locate = (issue: DocumentIssue) => position(offsetOf(doc, issue.path, issue.atKey ?? false));
  return { ok: true, value, locate };
}

function yamlMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key: this field is given twice";
  return `YAML syntax: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

type Segment = string | number;

// The child of a map or list node for one path segment: the pair (for a map) or the item.
function child(node: unknown, segment: PropertyKey) {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    return pair === undefined
      ? undefined
      : { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

// Where a path points: its value (or key) when it exists, else the nearest ancestor that does.
function offsetOf(doc: Document.Parsed, path: readonly PropertyKey[], atKey: boolean): number {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const next = child(isAlias(node) ? node.resolve(doc) : node, path[i] as PropertyKey);
    if (next === undefined) break;
    const last = i === path.length - 1;
    const target = (last && atKey) || next.value === undefined ? next.key : next.value;
    if (target?.range !== undefined && target.range !== null) offset = target.range[0];
    node = next.value;
    if (node === undefined) break;
  }
  return offset;
}

// The field a syntax error is in: at its offset, or else at the text just before it (a list left
// open is found where the file ends).
function pathNear(doc: Document.Parsed, text: string, offset: number): string {
  const here = pathAt(doc, offset);
  if (here !== "") return here;
  let before = Math.min(offset, text.length) - 1;
  while (before > 0 && /\s/.test(text[before] as string)) before--;
  return before >= 0 ? pathAt(doc, before) : "";
}

// The path of the innermost field whose key or value spans `offset`.
function pathAt(doc: Document.Parsed, offset: number): string {
  const path: Segment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
    let found = false;
    for (let i = 0; i < items.length && !found; i++) {
      const item = items[i];
      const [key, value] = isPair(item)
        ? [item.key as Node | null, item.value as Node | null]
        : [null, item as Node];
      const start = (key ?? value)?.range?.[0];
      const end = (value ?? key)?.range?.[2];
      if (start === undefined || end === undefined || offset < start || offset >= end) continue;
      path.push(isPair(item) ? (isScalar(key) ? String(key.value) : "?") : i);
      node = value;
      found = true;
    }
    // No real rubric nests this deep; a hostile file's path is cut short.
    if (!found || path.length >= 64) return formatPath(path);
  }
}
