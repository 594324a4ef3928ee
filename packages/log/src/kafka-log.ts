import { Kafka, Partitioners, logLevel } from "kafkajs";
import type { Admin, Consumer, ISocketFactory, Producer } from "kafkajs";
import type { BatchHandler, EventLog, LogRecord, Subscription } from "./event-log.ts";

export interface KafkaLogOptions {
  brokers: string[];
  topic: string;
  clientId?: string;
  /** Partitions and replication factor used when the topic does not exist yet. */
  partitions?: number;
  replicationFactor?: number;
  /**
   * Partitions a member processes at once. Each partition holds other systems, so their batches
   * touch disjoint rows; overlapping them hides one batch's database round trips behind another's
   * scoring.
   */
  partitionsConsumedConcurrently?: number;
  /** How long a group member may go without a heartbeat; above the slowest batch. */
  sessionTimeoutMs?: number;
  /** The client's sockets (kafkajs's default when absent); tests use it to lose a broker's answer. */
  socketFactory?: ISocketFactory;
  /** Bytes fetched per partition at most, so a batch handed to the handler stays bounded. */
  maxBatchBytes?: number;
}

/**
 * The distributed event log. The producer sends with acks=all, so an append resolves only once
 * every in-sync replica has the records. Consumers commit offsets by hand, after the batch
 * handler resolved: at-least-once delivery, which the worker turns into exactly-once effect.
 */
export async function openKafkaLog(options: KafkaLogOptions): Promise<EventLog> {
  const kafka = new Kafka({
    clientId: options.clientId ?? "maturity",
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 5, initialRetryTime: 200 },
    ...(options.socketFactory === undefined ? {} : { socketFactory: options.socketFactory }),
  });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopic(admin, options.topic, options.partitions ?? 6, options.replicationFactor ?? 1);
  // Not kafkajs's idempotent mode: it rolls a partition's sequence number back whenever a request
  // fails, even one the broker did write (its answer lost in a broker restart). Another append
  // then reuses that number, the broker takes it for a retry of the written batch and answers
  // success without storing it: an acknowledged event lost (first seen in ingest's outage test;
  // kafka-log.int.test.ts reproduces it by losing one answer). A plain retry may store an event
  // twice instead, which the worker's event store dedupes by (source, id).
  const producer: Producer = kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const consumers = new Set<Consumer>();

  return {
    kind: "kafka",
    async append(records: LogRecord[]) {
      await producer.send({
        topic: options.topic,
        acks: -1,
        messages: records.map((record) => ({ key: record.key, value: record.value })),
      });
    },
    async subscribe(groupId: string, handler: BatchHandler): Promise<Subscription> {
      const consumer = kafka.consumer({
        groupId,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: 3_000,
        maxBytesPerPartition: options.maxBatchBytes ?? 1024 * 1024,
        // The default 5 s fetch wait delays every shutdown and adds latency to a quiet topic.
        maxWaitTimeInMs: 250,
      });
      consumers.add(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic: options.topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
        eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
          if (!isRunning() || isStale() || batch.messages.length === 0) return;
          const records = batch.messages.map((message) => ({
            key: message.key?.toString("utf8") ?? "",
            value: message.value?.toString("utf8") ?? "",
            position: `${batch.topic}/${batch.partition}@${message.offset}`,
            appendedAt: Number(message.timestamp),
          }));
          // A rejection propagates: kafkajs does not commit and re-delivers from the last commit.
          await handler({ records, heartbeat });
          // resolveOffset moves this member's fetch position; commitOffsets makes it the group's.
          resolveOffset(batch.lastOffset());
          await consumer.commitOffsets([
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: (BigInt(batch.lastOffset()) + 1n).toString(),
            },
          ]);
        },
      });
      return {
        async stop() {
          consumers.delete(consumer);
          await consumer.disconnect();
        },
      };
    },
    async consumerLag(groupId: string) {
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(options.topic),
        admin.fetchOffsets({ groupId, topics: [options.topic] }),
      ]);
      const committedByPartition = new Map(
        (committed[0]?.partitions ?? []).map((partition) => [partition.partition, BigInt(partition.offset)]),
      );
      let lag = 0n;
      for (const end of ends) {
        const at = committedByPartition.get(end.partition) ?? -1n;
        // -1 means nothing committed yet: everything from the low watermark is pending.
        const from = at < 0n ? BigInt(end.low) : at;
        lag += BigInt(end.high) - from;
      }
      return Number(lag);
    },
    async isWritable() {
      try {
        await admin.fetchTopicMetadata({ topics: [options.topic] });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.disconnect()));
      consumers.clear();
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

async function ensureTopic(
  admin: Admin,
  topic: string,
  numPartitions: number,
  replicationFactor: number,
): Promise<void> {
  const existing = await admin.listTopics();
  if (existing.includes(topic)) return;
  // createTopics answers false (not an error) when another process created it first.
  await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor }], waitForLeaders: true });
}
