import { Writable } from "node:stream";
import { demoDefaults, organisationHistory, planOrganisation } from "@maturity/demo";
import { parseEvent, type MaturityEvent } from "@maturity/model";
import { scoreEvents } from "@maturity/scoring";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportJsonChunks, writeReportJson } from "./report-json.ts";

/** A stream that keeps what it is given, or only its length and ends when `keep` is false. */
function sink(keep = true, highWaterMark = 16 * 1024) {
  const state = { text: "", length: 0, head: "", tail: "", writes: 0 };
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      state.writes += 1;
      state.length += chunk.length;
      if (keep) state.text += chunk;
      else {
        if (state.head.length < 64) state.head = (state.head + chunk).slice(0, 64);
        state.tail = (state.tail + chunk).slice(-64);
      }
      setImmediate(done); // a slow reader: writes past the high-water mark must wait for drain
    },
  });
  return { stream, state };
}

describe("writeReportJson", () => {
  it("writes exactly JSON.stringify(value, null, 2) for any JSON object", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (value) => {
        const expected = `${JSON.stringify(value, null, 2)}\n`;
        expect([...reportJsonChunks(value)].join("") + "\n").toBe(expected);
        const { stream, state } = sink(true, 8);
        await writeReportJson(value, stream, 16);
        expect(state.text).toBe(expected);
      }),
    );
  });

  it("writes a real score report byte for byte, a system at a time", async () => {
    const end = Date.parse("2026-11-24T00:00:00Z");
    const options = { ...demoDefaults, systems: 6, teams: 2, days: 60, llmCallsPerDay: 5, end };
    const events: MaturityEvent[] = [];
    for (const event of organisationHistory(planOrganisation(options), options)) {
      const parsed = parseEvent(event);
      if (!parsed.ok) throw new Error(`demo event does not parse: ${JSON.stringify(event)}`);
      events.push(parsed.event);
    }
    const report = scoreEvents(events, { asOf: end });
    expect(report.systems.length).toBe(6);
    const chunks = [...reportJsonChunks(report)];
    expect(chunks.join("")).toBe(JSON.stringify(report, null, 2));
    const longest = Math.max(...chunks.map((chunk) => chunk.length));
    expect(longest).toBeLessThan(JSON.stringify(report, null, 2).length / 3);
  });

  it("writes a report longer than the longest string V8 can hold", { timeout: 120_000 }, async () => {
    // 600 systems of 1 MB each: over 2^29 − 24 characters once indented.
    const system = { systemId: "big", note: "x".repeat(1 << 20) };
    const report = { asOf: "2026-11-24T00:00:00.000Z", systems: new Array(600).fill(system), teams: [] };
    expect(() => JSON.stringify(report, null, 2)).toThrow(RangeError);
    const { stream, state } = sink(false);
    await writeReportJson(report, stream);
    const perSystem = JSON.stringify(system, null, 2).replaceAll("\n", "\n    ").length;
    expect(state.length).toBeGreaterThan(2 ** 29 - 24);
    expect(state.length).toBe(
      `{\n  "asOf": "2026-11-24T00:00:00.000Z",\n  "systems": [`.length +
        600 * (6 + perSystem) - // "\n    ", the system, its comma (none after the last)
        1 +
        `\n  ],\n  "teams": []\n}\n`.length,
    );
    expect(state.head).toBe(
      `{\n  "asOf": "2026-11-24T00:00:00.000Z",\n  "systems": [\n    {\n      "systemId": "big",`.slice(
        0,
        64,
      ),
    );
    expect(state.tail.endsWith(`"\n    }\n  ],\n  "teams": []\n}\n`)).toBe(true);
    expect(state.writes).toBeGreaterThan(100); // in batches, not one string
  });
});
