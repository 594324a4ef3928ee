// Opaque page cursors: where the previous page stopped, bound to the tool and the filters it was
// given, so a cursor reused with other filters is refused instead of silently skipping items.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { ToolError } from "./tool-kit.ts";

/** JSON with sorted keys, undefined left out: the same filters always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function fingerprint(tool: string, filters: unknown): string {
  return createHash("sha256")
    .update(`${tool}\n${canonical(filters)}`)
    .digest("base64url")
    .slice(0, 12);
}

export function encodeCursor(tool: string, filters: unknown, key: unknown): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(tool, filters), k: key })).toString("base64url");
}

/** The position a cursor holds, or a ToolError saying to start over when it is not this call's. */
export function decodeCursor<Key>(
  tool: string,
  filters: unknown,
  cursor: string,
  keySchema: z.ZodType<Key>,
): Key {
  const startOver = `call ${tool} again without a cursor to start from the first page`;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new ToolError(`the cursor is not one ${tool} gave: ${startOver}`);
  }
  const { f, k } = (decoded ?? {}) as { f?: unknown; k?: unknown };
  if (f !== fingerprint(tool, filters))
    throw new ToolError(
      `the cursor belongs to another call (other filters or another tool): pass the same filters as the page it came from, or ${startOver}`,
    );
  const key = keySchema.safeParse(k);
  if (!key.success) throw new ToolError(`the cursor is not one ${tool} gave: ${startOver}`);
  return key.data;
}
