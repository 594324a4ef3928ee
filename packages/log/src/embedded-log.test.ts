import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openEmbeddedLog } from "./embedded-log.ts";
import type { ConsumedRecord, EventLog } from "./event-log.ts";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "embedded-log-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function collect(log: EventLog, groupId: string, received: ConsumedRecord[], failFirst = 0) {
  let failures = failFirst;
  return log.subscribe(groupId, async (batch) => {
    if (failures > 0) {
      failures -= 1;
      throw new Error("handler failed");
    }
    received.push(...batch.records);
  });
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the embedded event log", () => {
  it("delivers appended records in order, with their keys", async () => {
    const log = await openEmbeddedLog(directory);
    const received: ConsumedRecord[] = [];
    const subscription = await collect(log, "g", received);
    await log.append([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ]);
    await log.append([{ key: "a", value: "3" }]);
    await until(() => received.length === 3);
    expect(received.map((record) => [record.key, record.value])).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["a", "3"],
    ]);
    await subscription.stop();
    await log.close();
  });

  it("keeps acknowledged records across a restart and resumes after the committed offset", async () => {
    const first = await openEmbeddedLog(directory);
    const seen: ConsumedRecord[] = [];
    const subscription = await collect(first, "g", seen);
    await first.append([{ key: "k", value: "before" }]);
    await until(() => seen.length === 1);
    await subscription.stop();
    await first.append([{ key: "k", value: "while-stopped" }]);
    await first.close();

    const second = await openEmbeddedLog(directory);
    const resumed: ConsumedRecord[] = [];
    const again = await collect(second, "g", resumed);
    await until(() => resumed.length === 1);
    expect(resumed[0]?.value).toBe("while-stopped");
    // A new group starts from the beginning.
    const fresh: ConsumedRecord[] = [];
    const other = await collect(second, "other", fresh);
    await until(() => fresh.length === 2);
    expect(fresh.map((record) => record.value)).toEqual(["before", "while-stopped"]);
    await again.stop();
    await other.stop();
    await second.close();
  });

  it("redelivers a batch whose handler failed, and commits nothing for it", async () => {
    const log = await openEmbeddedLog(directory);
    const received: ConsumedRecord[] = [];
    const subscription = await collect(log, "g", received, 2);
    await log.append([{ key: "k", value: "v" }]);
    await until(() => received.length === 1, 10_000);
    expect(received[0]?.value).toBe("v");
    await subscription.stop();
    await log.close();
  });

  it("drops a torn last line left by a crash mid-write (it was never acknowledged)", async () => {
    const log = await openEmbeddedLog(directory);
    await log.append([{ key: "k", value: "whole" }]);
    await log.close();
    await appendFile(path.join(directory, "events.ndjson"), '{"key":"k","val');

    const reopened = await openEmbeddedLog(directory);
    await reopened.append([{ key: "k", value: "after" }]);
    const received: ConsumedRecord[] = [];
    const subscription = await collect(reopened, "g", received);
    await until(() => received.length === 2);
    expect(received.map((record) => record.value)).toEqual(["whole", "after"]);
    const text = await readFile(path.join(directory, "events.ndjson"), "utf8");
    expect(text.trim().split("\n")).toHaveLength(2);
    await subscription.stop();
    await reopened.close();
  });

  it("refuses appends once closed", async () => {
    const log = await openEmbeddedLog(directory);
    await log.close();
    await expect(log.append([{ key: "k", value: "v" }])).rejects.toThrow(/closed/);
    expect(await log.isWritable()).toBe(false);
  });
});
