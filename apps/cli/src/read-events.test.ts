import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tempFile } from "../test/run-cli.ts";
import { progressEveryLines, readEvents } from "./read-events.ts";

const event = (i: number) =>
  JSON.stringify({
    specversion: "1.0",
    id: `e${i}`,
    source: "test",
    type: "gov.owner.assigned",
    time: "2026-06-01T00:00:00Z",
    subject: "fraud",
    data: { owner: "alice" },
  });

describe("readEvents", () => {
  it("reports its progress in bytes and events as it reads, ending at the whole file", async () => {
    const lineCount = progressEveryLines * 3 + 7;
    const file = tempFile(
      "many.ndjson",
      `${Array.from({ length: lineCount }, (_, i) => event(i)).join("\n")}\n`,
    );
    const calls: [number, number][] = [];
    const result = await readEvents(
      file,
      () => {},
      (bytes, events) => calls.push([bytes, events]),
    );
    expect(result.eventCount).toBe(lineCount);
    expect(calls.length).toBe(4); // every progressEveryLines lines, then once at the end
    expect(calls.at(-1)).toEqual([statSync(file).size, lineCount]);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
      expect(calls[i]![1]).toBeGreaterThan(calls[i - 1]![1]);
    }
    expect(calls[0]![1]).toBe(progressEveryLines - 1); // the events before the line that reported
  });
});
