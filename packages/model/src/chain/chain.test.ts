import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, genesisHash } from "./chain.ts";

/** The definition, written the obvious way: stored chains were hashed with exactly these bytes. */
function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(referenceCanonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${referenceCanonicalJson(entry)}`).join(",")}}`;
}

describe("canonicalJson", () => {
  it("matches the reference definition byte for byte on arbitrary JSON, integer-like keys included", () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom("0", "10", "2", "a", "B", "é", "\u{1F600}", "__proto__x"),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, fc.oneof(tie("value"), fc.constant(undefined)), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null }, 10: true, 9: false })).toBe(
      '{"10":true,"9":false,"a":{"c":null,"d":[1,{"y":2}]},"b":1}',
    );
  });

  it("hashes a known event to the link computed by the original definition", () => {
    const event = {
      type: "deploy.completed",
      source: "ci",
      id: "e1",
      specversion: "1.0",
      data: { env: "prod" },
    };
    expect(chainHash(genesisHash, event)).toBe(
      "ba94a6a2d3a67aa067274f5103429a098dde14b408484a27563872c0b9500e92",
    );
  });
});
