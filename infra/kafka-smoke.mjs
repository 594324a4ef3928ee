#!/usr/bin/env node
// Smoke test of kafkajs against the broker at KAFKA_BROKERS (default 127.0.0.1:9092):
// admin create topic (3 partitions) -> idempotent producer, acks=-1 -> consumer group reads from
// the beginning and commits offsets -> committed offsets checked -> a second consumer in the same
// group resumes after the commit -> a transactional producer commits -> cleanup.
// Usage: node infra/kafka-smoke.mjs     (exits non-zero on any failure; bounded to ~60 s)
// Note: consumers use maxWaitTimeInMs 250; with kafkajs's default 5000, disconnect() waits for the
// pending long-poll fetch, adding ~5 s per consumer. Tests should do the same.
import { setTimeout as sleep } from "node:timers/promises";
import { createRequire } from "node:module";
import kafkajs from "kafkajs";

const { Kafka, logLevel } = kafkajs;
const kafkajsVersion = createRequire(import.meta.url)("kafkajs/package.json").version;
process.env.KAFKAJS_NO_PARTITIONER_WARNING = "1";

const brokers = (process.env.KAFKA_BROKERS || "127.0.0.1:9092").split(",");
const run = `${Date.now()}-${process.pid}`;
const topic = `smoke-${run}`;
const groupId = `smoke-group-${run}`;
const N = 30;
const kafka = new Kafka({ clientId: "kafka-smoke", brokers, logLevel: logLevel.WARN });

const hardStop = setTimeout(() => {
  console.error("smoke: FAILED (timed out after 60 s)");
  process.exit(1);
}, 60_000);
hardStop.unref();

const tStart = Date.now();
const step = (msg) => console.log(`smoke: [${((Date.now() - tStart) / 1000).toFixed(1)}s] ${msg}`);
const check = (cond, msg) => {
  if (!cond) throw new Error(msg);
};

async function waitFor(pred, ms, what) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const admin = kafka.admin();
const clients = [admin];
try {
  const t0 = Date.now();
  await admin.connect();
  const cluster = await admin.describeCluster();
  step(
    `connected: cluster ${cluster.clusterId}, brokers ${cluster.brokers.map((b) => `${b.host}:${b.port}`).join(",")}`,
  );

  check(
    await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    }),
    "createTopics returned false",
  );
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  check(
    meta.topics[0].partitions.length === 3,
    `expected 3 partitions, got ${meta.topics[0].partitions.length}`,
  );
  step(`created ${topic} with 3 partitions`);

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  clients.push(producer);
  await producer.connect();
  const sent = Array.from({ length: N }, (_, i) => ({
    key: `k${i % 7}`,
    value: `v${i}`,
    headers: { n: String(i) },
  }));
  const res = await producer.send({ topic, acks: -1, messages: sent });
  check(
    res.every((r) => r.errorCode === 0),
    `produce errors: ${JSON.stringify(res)}`,
  );
  step(
    `produced ${N} messages (idempotent, acks=-1) to partitions ${[...new Set(res.map((r) => r.partition))].sort().join(",")}`,
  );

  const got = [];
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
  });
  clients.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      got.push({
        partition,
        offset: message.offset,
        value: message.value.toString(),
        n: message.headers.n.toString(),
      });
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
  await waitFor(() => got.length >= N, 30_000, `${N} messages (got ${got.length})`);
  const values = new Set(got.map((m) => m.value));
  check(
    got.length === N && values.size === N && sent.every((m) => values.has(m.value)),
    "consumed messages differ from produced ones",
  );
  for (const p of [0, 1, 2]) {
    const ns = got.filter((m) => m.partition === p).map((m) => Number(m.n));
    check(
      ns.every((v, i) => i === 0 || v > ns[i - 1]),
      `partition ${p} out of order`,
    );
  }
  step(`consumed all ${N} messages in group ${groupId}, per-partition order kept, offsets committed`);
  await consumer.disconnect();

  const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
  const ends = await admin.fetchTopicOffsets(topic);
  for (const e of ends) {
    const c = committed[0].partitions.find((p) => p.partition === e.partition);
    check(c && c.offset === e.high, `partition ${e.partition}: committed ${c?.offset} != end ${e.high}`);
  }
  step(`committed offsets equal end offsets (${ends.map((e) => `${e.partition}:${e.high}`).join(" ")})`);

  // A new member of the same group resumes after the commits: sees only the new message.
  await producer.send({ topic, acks: -1, messages: [{ key: "after", value: "after-commit" }] });
  const got2 = [];
  const consumer2 = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
  });
  clients.push(consumer2);
  await consumer2.connect();
  await consumer2.subscribe({ topics: [topic], fromBeginning: true });
  await consumer2.run({ eachMessage: async ({ message }) => void got2.push(message.value.toString()) });
  await waitFor(() => got2.length >= 1, 30_000, "the post-commit message");
  await sleep(500);
  check(got2.length === 1 && got2[0] === "after-commit", `resumed consumer got ${JSON.stringify(got2)}`);
  step("a second consumer in the group resumed from the committed offsets");
  await consumer2.disconnect();

  // Transactions (InitProducerId / AddPartitionsToTxn / EndTxn).
  const txProducer = kafka.producer({
    transactionalId: `smoke-tx-${run}`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  clients.push(txProducer);
  await txProducer.connect();
  const tx = await txProducer.transaction();
  await tx.send({ topic, messages: [{ key: "tx", value: "in-transaction" }] });
  await tx.commit();
  await txProducer.disconnect();
  step("transactional producer committed");

  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.deleteGroups([groupId]).catch(() => {});
  await admin.disconnect();
  console.log(
    `smoke: PASSED in ${((Date.now() - t0) / 1000).toFixed(1)}s (kafkajs ${kafkajsVersion}, broker API versions negotiated by kafkajs)`,
  );
  process.exit(0);
} catch (e) {
  console.error(`smoke: FAILED: ${e?.stack ?? e}`);
  for (const c of clients) await c.disconnect().catch(() => {});
  process.exit(1);
}
