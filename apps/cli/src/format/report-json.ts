// The score report as indented JSON, written in pieces: the same text as
// `JSON.stringify(report, null, 2)`, but no string ever holds the whole of it. Indented, a report
// takes ~36,000 characters per system, so a single string (V8 caps one at 2^29 − 24 characters)
// would fail past ~15,000 systems, an enterprise's size, and would double the memory at its peak.

const indent = "  ";

/** The JSON text of `value` as it appears at `depth` inside an indented document. */
function nested(value: unknown, depth: number): string {
  // JSON escapes newlines inside strings, so every newline here is a line break of the layout.
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent.repeat(depth)}`);
}

/**
 * Writes `report` (a plain JSON object) as `JSON.stringify(report, null, 2)` would print it:
 * top-level arrays are written element by element, every other value in one piece.
 */
export function* reportJsonChunks(report: object): Generator<string> {
  const entries = Object.entries(report as Record<string, unknown>).filter(
    ([, value]) => value !== undefined,
  );
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i] as [string, unknown];
    const comma = i < entries.length - 1 ? "," : "";
    yield `\n${indent}${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      yield `${nested(value, 1)}${comma}`;
      continue;
    }
    yield "[";
    for (let j = 0; j < value.length; j++) {
      // JSON.stringify prints a missing array element (undefined, a function) as null.
      const element: unknown = value[j] ?? null;
      yield `\n${indent}${indent}${nested(element, 2)}${j < value.length - 1 ? "," : ""}`;
    }
    yield `\n${indent}]${comma}`;
  }
  yield "\n}";
}

/** Writes the report's chunks to a stream in batches, waiting whenever the stream asks to. */
export async function writeReportJson(
  report: object,
  out: NodeJS.WritableStream,
  batchChars = 1 << 20,
): Promise<void> {
  let batch = "";
  const flush = async () => {
    const ok = out.write(batch);
    batch = "";
    if (!ok) await new Promise<void>((resolve) => out.once("drain", resolve));
  };
  for (const chunk of reportJsonChunks(report)) {
    batch += chunk;
    if (batch.length >= batchChars) await flush();
  }
  batch += "\n";
  await flush();
}
