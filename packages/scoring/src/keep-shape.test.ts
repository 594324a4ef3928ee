import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./test/deopts-after-gc.ts", import.meta.url));

/** Which per-system helper methods were optimized before a full collection, and which still are. */
function optimizedAroundFullGc(release: boolean): {
  before: Record<string, boolean>;
  after: Record<string, boolean>;
} {
  const out = execFileSync(
    process.execPath,
    [
      "--allow-natives-syntax",
      "--expose-gc",
      // Optimize on the main thread, as soon as a function is hot: the same on an idle or busy machine.
      "--no-concurrent-recompilation",
      "--import",
      "tsx",
      script,
      ...(release ? ["release"] : []),
    ],
    { encoding: "utf8" },
  );
  const [before, after] = out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, Record<string, boolean>>);
  return { before: before?.before ?? {}, after: after?.after ?? {} };
}

describe("keepShape", () => {
  it("keeps the scoring code optimized through a full garbage collection", () => {
    const kept = optimizedAroundFullGc(false);
    const released = optimizedAroundFullGc(true);
    const names = Object.keys(kept.before);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const run of [kept, released]) for (const name of names) expect(run.before[name], name).toBe(true);
    // With the kept instances every method stays optimized; without them, their classes die and
    // V8 throws the code away.
    for (const name of names) expect(kept.after[name], name).toBe(true);
    for (const name of names) expect(released.after[name], name).toBe(false);
  });
});
