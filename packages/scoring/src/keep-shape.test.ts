import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./test/deopts-after-gc.ts", import.meta.url));

/** Functions V8 deoptimized, after the script's full collection, because a class they used died. */
function deoptsAfterFullGc(release: boolean): string[] {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--trace-deopt", "--import", "tsx", script, ...(release ? ["release"] : [])],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  expect(out).toContain("full gc");
  const after = out.slice(out.indexOf("full gc"));
  return [...after.matchAll(/SharedFunctionInfo ([^>]*)>.*reason: weak objects/g)].map((m) => m[1] as string);
}

describe("keepShape", () => {
  it("keeps the scoring code optimized through a full garbage collection", () => {
    const released = deoptsAfterFullGc(true);
    const kept = deoptsAfterFullGc(false);
    // Without the kept instances, the per-system helpers' classes die and take the code with them.
    const scoringCode = ["add", "evaluateLeaf", "productionDeploys", "namingsByDeployment", "scoreResolved"];
    expect(released).toEqual(expect.arrayContaining(scoringCode));
    // With them, that code survives; what little V8 still drops is outside scoring (the loader's).
    for (const name of scoringCode) expect(kept).not.toContain(name);
    expect(kept.length).toBeLessThanOrEqual(released.length / 5);
  });
});
