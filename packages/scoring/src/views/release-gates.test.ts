import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EvalRunRec } from "../facts/types.ts";
import { ReleaseGates } from "./release-gates.ts";

// The definition, read literally: scan the version's evaluations up to t, newest first.
function gateByDefinition(
  evals: { t: number; refs: string[]; gate: EvalRunRec["gate"] }[],
  version: string,
  t: number,
) {
  let gate = "missing";
  for (let i = evals.length - 1; i >= 0; i--) {
    const e = evals[i] as (typeof evals)[number];
    if (e.t > t || !e.refs.includes(version)) continue;
    if (e.gate !== "none") return e.gate;
    gate = "none";
  }
  return gate;
}

const refArb = fc.constantFrom("v1", "v2", "r1");
const evalArb = fc.record({
  t: fc.integer({ min: 0, max: 20 }),
  refs: fc.array(refArb, { maxLength: 3 }),
  gate: fc.constantFrom("passed" as const, "failed" as const, "none" as const),
});
const releaseArb = fc.record({ t: fc.integer({ min: -1, max: 22 }), version: refArb });

describe("ReleaseGates", () => {
  it("agrees with the definition for releases asked in time order, told the versions asked or not", () => {
    fc.assert(
      fc.property(
        fc.array(evalArb, { maxLength: 12 }),
        fc.array(releaseArb, { maxLength: 8 }),
        fc.boolean(),
        (evals, releases, onlyAsked) => {
          evals.sort((a, b) => a.t - b.t);
          releases.sort((a, b) => a.t - b.t);
          const asked = onlyAsked ? new Set(releases.map((r) => r.version)) : undefined;
          const evalColumns = {
            t: evals.map((e) => e.t),
            refs: evals.map((e) => e.refs),
            gate: evals.map((e) => e.gate),
          };
          const gates = new ReleaseGates(evalColumns, asked);
          for (const r of releases)
            expect(gates.at(r.version, r.t)).toBe(gateByDefinition(evals, r.version, r.t));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps a failed gate over a later ungated evaluation", () => {
    const gates = new ReleaseGates({ t: [1, 2], refs: [["v1"], ["v1"]], gate: ["failed", "none"] });
    expect(gates.at("v1", 0)).toBe("missing");
    expect(gates.at("v1", 2)).toBe("failed");
  });
});
