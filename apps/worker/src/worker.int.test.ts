import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@maturity/db";
import { countEvents, listDeadLetters, openDatabase, rowsOf, sql, verifyChain } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { EventLog } from "@maturity/log";
import { openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import type { MaturityEvent } from "@maturity/model";
import { AssignerProtocol, Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfEvent, scenarioEvents } from "../test/scenario-events.ts";
import { waitFor } from "../test/wait-for.ts";
import { startWorkerProcess } from "../test/worker-process.ts";
import type { WorkerProcess } from "../test/worker-process.ts";
import { refreshRollups } from "./projections/rollups.ts";

const runKafka = await kafkaAvailable();
const fixedClock = "2026-11-24T12:00:00.000Z";

/** The example organisation four times over (distinct systems and ids): ~3,800 events. */
function streamOfEvents(): MaturityEvent[] {
  const base = scenarioEvents();
  return [0, 1, 2, 3].flatMap((copy) => base.map((event) => copyOfEvent(event, `-c${copy}`)));
}

const poison = [
  { key: "broken-system", value: "{this is not json" },
  {
    key: "broken-system",
    value: JSON.stringify({
      specversion: "1.0",
      id: "p1",
      source: "x",
      type: "nope.nope",
      time: fixedClock,
      subject: "s",
      data: {},
    }),
  },
];

/**
 * Every projection but the history (whose intermediate steps depend on where batches were cut)
 * equals the reference's, table by table so a failure shows the rows that differ.
 */
function expectSameProjections(actual: Record<string, string[]>, expected: Record<string, string[]>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) {
    if (table !== "score_history") expect(actual[table], table).toEqual(expected[table]);
  }
}

describe.skipIf(!runKafka)("the worker on the real Kafka broker and Postgres server", () => {
  const suffix = randomBytes(4).toString("hex");
  const onceTopic = `maturity.worker-once-${suffix}`;
  const twiceTopic = `maturity.worker-twice-${suffix}`;
  const events = streamOfEvents();
  const scratches: ScratchDatabase[] = [];
  const handles: DatabaseHandle[] = [];
  const processes: WorkerProcess[] = [];
  let onceLog: EventLog;
  let twiceLog: EventLog;
  let port = 19_460 + Math.floor(Math.random() * 400);

  async function freshStore(): Promise<{ url: string; handle: DatabaseHandle }> {
    const scratch = await createScratchDatabase(testDatabaseUrl);
    scratches.push(scratch);
    // Migrate once here, so workers that start together find the schema ready.
    const handle = await openDatabase({ url: scratch.url });
    handles.push(handle);
    return { url: scratch.url, handle };
  }

  function worker(
    url: string,
    topic: string,
    groupId: string,
    tuning: Record<string, string> = {},
  ): WorkerProcess {
    const process_ = startWorkerProcess(
      {
        DATABASE_URL: url,
        KAFKA_BROKERS: testKafkaBrokers.join(","),
        KAFKA_TOPIC: topic,
        KAFKA_PARTITIONS: "6",
        WORKER_GROUP_ID: groupId,
        WORKER_FIXED_CLOCK: fixedClock,
        // The group hands a killed member's partitions on after this; the floor Kafka allows.
        WORKER_SESSION_TIMEOUT_MS: "6000",
        ...tuning,
      },
      (port += 1),
    );
    processes.push(process_);
    return process_;
  }

  async function finish(store: { handle: DatabaseHandle }, workers: WorkerProcess[]) {
    await waitFor(
      async () => (await countEvents(store.handle.db)) === events.length,
      "every event to be stored",
    );
    for (const running of workers) {
      running.child.kill("SIGTERM");
      expect(await running.exited).toBe(0);
    }
    await refreshRollups(store.handle.db, Date.parse(fixedClock));
    return dumpProjections(store.handle.db);
  }

  beforeAll(async () => {
    onceLog = await openKafkaLog({ brokers: testKafkaBrokers, topic: onceTopic, partitions: 6 });
    twiceLog = await openKafkaLog({ brokers: testKafkaBrokers, topic: twiceTopic, partitions: 6 });
    const records = events.map((event) => ({ key: event.subject, value: JSON.stringify(event) }));
    for (let start = 0; start < records.length; start += 500)
      await onceLog.append(records.slice(start, start + 500));
    // The second topic carries every event twice (and the poison): at-least-once at its worst.
    for (const copy of [records, [...poison, ...records]]) {
      for (let start = 0; start < copy.length; start += 500)
        await twiceLog.append(copy.slice(start, start + 500));
    }
  }, 120_000);

  afterAll(async () => {
    for (const running of processes) if (running.child.exitCode === null) running.child.kill("SIGKILL");
    await onceLog?.close();
    await twiceLog?.close();
    for (const handle of handles) await handle.close();
    for (const scratch of scratches) await scratch.drop();
  });

  let reference: Record<string, string[]>;

  it("one uninterrupted worker stores every event once and scores every system", async () => {
    const store = await freshStore();
    reference = await finish(store, [worker(store.url, onceTopic, `once-${suffix}`)]);
    const systems = new Set(
      events.filter((event) => event.type !== "gpu.queue.configured").map((event) => event.subject),
    );
    expect(reference.system_reports).toHaveLength(systems.size);
    expect((await verifyChain(store.handle.db)).broken).toBeUndefined();
  }, 180_000);

  it("every event delivered twice, and a worker SIGKILLed mid-stream then restarted: same projections", async () => {
    const store = await freshStore();
    // Small batches (a few events each), so the kill lands mid-stream however fast the machine.
    const first = worker(store.url, twiceTopic, `crash-${suffix}`, { WORKER_MAX_BATCH_BYTES: "4096" });
    await waitFor(
      async () => (await countEvents(store.handle.db)) > events.length / 4,
      "a quarter of the stream",
    );
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    const stored = await countEvents(store.handle.db);
    expect(stored).toBeLessThan(events.length);

    const restarted = worker(store.url, twiceTopic, `crash-${suffix}`);
    const after = await finish(store, [restarted]);
    expectSameProjections(after, reference);
    // History may be cut differently, but in the order it was written (the clock is pinned, so
    // every row has the same time) each step starts where the last ended, and it ends at the score.
    const history = rowsOf<{ system_id: string; axis: string; score: number; previous_score: number | null }>(
      await store.handle.db.execute(
        sql`select system_id, axis, score, previous_score from projections.score_history order by id`,
      ),
    );
    const lastOfHistory = new Map<string, number>();
    for (const row of history) {
      const key = `${row.system_id}/${row.axis}`;
      expect(row.previous_score, key).toBe(lastOfHistory.get(key) ?? null);
      lastOfHistory.set(key, row.score);
    }
    for (const row of after.axis_scores!.map((text) => JSON.parse(text))) {
      expect(lastOfHistory.get(`${row.system_id}/${row.axis}`)).toBe(row.score);
    }
    expect((await verifyChain(store.handle.db)).broken).toBeUndefined();
  }, 240_000);

  it("two workers in one group split the partitions and build the same projections as one", async () => {
    const store = await freshStore();
    const groupId = `pair-${suffix}`;
    const pair = [worker(store.url, twiceTopic, groupId), worker(store.url, twiceTopic, groupId)];
    // Both members hold partitions at once: the work is split, not taken over.
    const admin = new Kafka({ brokers: testKafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await waitFor(async () => {
      const { groups } = await admin.describeGroups([groupId]);
      const members = groups[0]?.members ?? [];
      return (
        groups[0]?.state === "Stable" &&
        members.length === 2 &&
        members.every(
          (member) =>
            AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[twiceTopic]?.length,
        )
      );
    }, "both workers to hold partitions");
    await admin.disconnect();
    await waitFor(
      async () => (await countEvents(store.handle.db)) === events.length,
      "every event to be stored",
    );
    const applied = await Promise.all(pair.map((running) => running.eventsApplied()));
    expect(applied[0]! + applied[1]!).toBe(events.length);
    const both = await finish(store, pair);
    expectSameProjections(both, reference);
  }, 240_000);

  it("parks poison records in the dead letters once each, with the reason, and applies the rest", async () => {
    // The crash test's store: its worker was killed mid-stream and the topic holds every event twice.
    const store = { handle: handles[1]! };
    await waitFor(
      async () => (await listDeadLetters(store.handle.db)).length >= 2,
      "the dead letters",
      60_000,
    );
    const parked = await listDeadLetters(store.handle.db);
    expect(parked).toHaveLength(2);
    expect(parked.find((entry) => entry.value === poison[0]!.value)).toMatchObject({
      reasonKind: "not_json",
      reason: "the record is not JSON",
    });
    expect(parked.find((entry) => entry.value === poison[1]!.value)).toMatchObject({
      reasonKind: "invalid_event",
      reason: expect.stringContaining('unknown event type "nope.nope"'),
      eventType: "nope.nope",
      eventId: "p1",
    });
    expect(await countEvents(store.handle.db)).toBe(events.length);
  }, 90_000);
});
