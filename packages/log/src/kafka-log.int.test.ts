import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsumedRecord, EventLog } from "./event-log.ts";
import { openKafkaLog } from "./kafka-log.ts";
import { kafkaAvailable, testKafkaBrokers } from "./testing/index.ts";

const runKafka = await kafkaAvailable();

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for Kafka");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!runKafka)("the Kafka event log on the real broker", () => {
  let log: EventLog;
  const topic = `maturity.log-test-${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    log = await openKafkaLog({ brokers: testKafkaBrokers, topic, partitions: 3, clientId: "log-test" });
  });
  afterAll(async () => {
    await log?.close();
  });

  it("creates its topic, is writable, and keeps one key's records in order", async () => {
    expect(log.kind).toBe("kafka");
    expect(await log.isWritable()).toBe(true);
    const records = Array.from({ length: 30 }, (_, index) => ({
      key: `system-${index % 3}`,
      value: String(index),
    }));
    await log.append(records);
    const received: ConsumedRecord[] = [];
    const subscription = await log.subscribe(`order-${topic}`, async (batch) => {
      received.push(...batch.records);
    });
    await until(() => received.length === 30);
    await subscription.stop();
    for (const key of ["system-0", "system-1", "system-2"]) {
      const values = received.filter((record) => record.key === key).map((record) => Number(record.value));
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values).toHaveLength(10);
    }
    expect(received[0]?.position).toMatch(new RegExp(`^${topic.replace(/\./g, "\\.")}/\\d@\\d+$`));
  });

  it("commits only after the handler succeeds: a failed batch comes back, a committed one does not", async () => {
    const groupId = `commit-${topic}`;
    let failuresLeft = 1;
    const delivered: string[] = [];
    const first = await log.subscribe(groupId, async (batch) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error("simulated failure before commit");
      }
      delivered.push(...batch.records.map((record) => record.value));
    });
    await until(() => delivered.length >= 30);
    await first.stop();
    expect(new Set(delivered).size).toBe(30);

    // Everything was committed: a new member of the same group gets only what is appended next.
    const later: string[] = [];
    const second = await log.subscribe(groupId, async (batch) => {
      later.push(...batch.records.map((record) => record.value));
    });
    await log.append([{ key: "system-0", value: "after-commit" }]);
    await until(() => later.length >= 1);
    await second.stop();
    // At-least-once: a rebalance may hand the new record over more than once (the worker dedupes
    // by event id), but nothing committed before ever comes back.
    expect(new Set(later)).toEqual(new Set(["after-commit"]));
  });
});
