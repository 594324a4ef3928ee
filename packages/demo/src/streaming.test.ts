// Constant memory: the heap does not grow with the length of the history being streamed.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { organisationHistory, planOrganisation } from "./index.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe("streaming generation", () => {
  it("keeps the heap flat while hundreds of MB of events go by", () => {
    const options = {
      seed: 5,
      teams: 40,
      systems: 600,
      days: 120,
      llmCallsPerDay: 40,
      end: Date.parse("2026-11-24T00:00:00Z"),
    };
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let events = 0;
    for (const event of organisationHistory(planOrganisation(options), options)) {
      bytes += JSON.stringify(event).length + 1;
      if (++events % 200_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(events).toBeGreaterThan(1_000_000);
    // What was produced is far larger than what was ever held.
    expect(bytes).toBeGreaterThan(300 * 2 ** 20);
    expect(peak).toBeLessThan(32 * 2 ** 20);
  });
});
