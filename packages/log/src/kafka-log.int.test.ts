import { randomBytes } from "node:crypto";
import net from "node:net";
import type { ISocketFactory } from "kafkajs";
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

/**
 * Sockets that can lose the broker's answer to the next produce request: the request reaches the
 * broker (which stores it), the answer is swallowed and the connection dropped, as when a broker
 * restarts between writing and answering.
 */
function answerLosingSockets(): { factory: ISocketFactory; loseNextProduceAnswer: () => void } {
  let armed = false;
  const factory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = net.connect({ host, port }, onConnect);
    const write = socket.write.bind(socket) as (chunk: Buffer, callback?: () => void) => boolean;
    let swallowing = false;
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) =>
      event === "data" && swallowing ? true : emit(event, ...args)) as typeof socket.emit;
    socket.write = ((chunk: Buffer, ...rest: unknown[]) => {
      // A request: 4-byte size, then the 2-byte API key (0 = Produce).
      if (armed && Buffer.isBuffer(chunk) && chunk.length > 6 && chunk.readInt16BE(4) === 0) {
        armed = false;
        swallowing = true;
        setTimeout(() => socket.destroy(new Error("answer lost (test)")), 500);
      }
      return write(chunk, rest.find((arg) => typeof arg === "function") as (() => void) | undefined);
    }) as typeof socket.write;
    return socket;
  };
  return { factory, loseNextProduceAnswer: () => (armed = true) };
}

describe.skipIf(!runKafka)("the Kafka event log when the broker's answer to an append is lost", () => {
  const topic = `maturity.log-lost-answer-${randomBytes(4).toString("hex")}`;
  const sockets = answerLosingSockets();
  let log: EventLog;

  beforeAll(async () => {
    log = await openKafkaLog({
      brokers: testKafkaBrokers,
      topic,
      partitions: 1,
      clientId: "log-lost-answer",
      socketFactory: sockets.factory,
    });
  });
  afterAll(async () => {
    await log?.close();
  });

  it("still stores an append made while the first one is retried", { timeout: 60_000 }, async () => {
    await log.append([{ key: "system-0", value: "warm-up" }]);
    sockets.loseNextProduceAnswer();
    // The first append is stored, its answer lost; the second is sent while the first waits to
    // retry. Both resolve, so both must be in the topic (the first possibly twice).
    const first = log.append([{ key: "system-0", value: "first" }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = log.append([{ key: "system-0", value: "second" }]);
    await Promise.all([first, second]);

    const values: string[] = [];
    const subscription = await log.subscribe(`verify-${topic}`, async (batch) => {
      values.push(...batch.records.map((record) => record.value));
    });
    await until(() => values.includes("first") && values.includes("second"), 20_000).catch(() => {});
    await subscription.stop();
    expect(values).toContain("first");
    expect(values, "an acknowledged append must be in the topic").toContain("second");
  });
});
