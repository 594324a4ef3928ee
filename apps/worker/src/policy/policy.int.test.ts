// A policy put in force, end to end on both drivers: a worker started with a policy appends one
// activation; applying it re-scores every system once under the new rubric, with history saying
// so; delivering it again changes nothing; a waiver expiring on the periodic re-score is named as
// the cause; and a replay rebuilds the same projections, the policy in force included.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@maturity/db";
import { countEvents, loadPolicyInForce, openDatabase, rowsOf, sql, systemHistory } from "@maturity/db";
import { createScratchDatabase, dumpProjections, testDatabaseUrl } from "@maturity/db/testing";
import type { ScratchDatabase } from "@maturity/db/testing";
import type { ConsumedRecord, EventLog } from "@maturity/log";
import { openEmbeddedLog, openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import type { MaturityEvent } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { activePolicyFromDocument, builtinPolicy } from "@maturity/policy";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioEvents } from "../../test/scenario-events.ts";
import { waitFor } from "../../test/wait-for.ts";
import { rescoreAll } from "../projections/rescore.ts";
import { refreshRollups } from "../projections/rollups.ts";
import { replayProjections } from "../replay/replay.ts";
import { startWorker, type RunningWorker } from "../worker.ts";

const runKafka = await kafkaAvailable();
const t0 = Date.parse("2026-11-24T12:00:00.000Z");

// The organisation's policy: weekly deploys are no level-2 practice for it, which moves the
// deployment level of the systems that deploy less often.
const policy = ((): ActivePolicy => {
  const result = activePolicyFromDocument({
    name: "monthly-batch",
    version: 2,
    extends: "builtin@2026.11-1",
    overrides: [
      {
        criterion: "deployment.l2.weekly-deploys",
        disabled: { reason: "batch systems here ship monthly by design" },
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
})();

// A waiver that stands in for a practice credit-limits lacks, in force at t0, expired ten days on.
const grant = {
  specversion: "1.0",
  id: "waiver-credit-limits-canary",
  source: "https://grc.acme.example",
  type: "gov.waiver.granted",
  time: "2026-11-20T09:00:00.000Z",
  subject: "credit-limits",
  datacontenttype: "application/json",
  data: {
    criterionId: "deployment.l3.canary-or-shadow",
    reason: "No live traffic to shift until the streaming rewrite lands.",
    approver: "head-of-model-risk@acme.example",
    expiresAt: "2026-12-01T00:00:00.000Z",
  },
} as MaturityEvent;
const expiredAt = Date.parse("2026-12-05T00:00:00.000Z");

// No GPU queue policies: the re-score they owe runs beside the batches, and this test compares
// history with a replay's, step by step.
const events = [...scenarioEvents().filter((event) => event.type !== "gpu.queue.configured"), grant];
const systems = new Set(events.map((event) => event.subject));

interface Store {
  handle: DatabaseHandle;
  log: EventLog;
  close(): Promise<void>;
}

async function embeddedStore(): Promise<Store> {
  const folder = await mkdtemp(path.join(tmpdir(), "maturity-policy-"));
  const handle = await openDatabase({ inMemory: true });
  const log = await openEmbeddedLog(folder);
  return {
    handle,
    log,
    async close() {
      await log.close();
      await handle.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function distributedStore(): Promise<Store> {
  const scratch: ScratchDatabase = await createScratchDatabase(testDatabaseUrl);
  const handle = await openDatabase({ url: scratch.url });
  const topic = `maturity.policy-${randomBytes(4).toString("hex")}`;
  const log = await openKafkaLog({ brokers: testKafkaBrokers, topic, partitions: 3 });
  return {
    handle,
    log,
    async close() {
      await log.close();
      await handle.close();
      await scratch.drop();
    },
  };
}

describe.each([
  { driver: "the embedded driver (PGlite, file log)", open: embeddedStore, skip: false },
  { driver: "Postgres and Kafka", open: distributedStore, skip: !runKafka },
])("a policy put in force on $driver", ({ open, skip }) => {
  let store: Store;
  // Every batch at its own clock reading, as a live worker's: replay re-scores at each of them.
  let clock = t0;
  const tick = () => (clock += 1_000);
  const groupId = `policy-${randomBytes(3).toString("hex")}`;

  const start = (given?: ActivePolicy): Promise<RunningWorker> =>
    startWorker({
      db: store.handle.db,
      log: store.log,
      groupId,
      logger: pino({ level: "silent" }),
      clock: tick,
      rescoreIntervalMs: 0,
      rollupIntervalMs: 0,
      telemetryRetentionDays: 0,
      ...(given !== undefined && { policy: given }),
    });

  const count = async (query: ReturnType<typeof sql>) =>
    Number(rowsOf<{ n: number | string }>(await store.handle.db.execute(query))[0]!.n);
  const storedActivations = () =>
    count(sql`select count(*) as n from events where type = 'policy.activated'`);

  /** Every record the log holds, read by a group of its own. */
  async function logged(atLeast: number): Promise<ConsumedRecord[]> {
    const seen: ConsumedRecord[] = [];
    const subscription = await store.log.subscribe(
      `probe-${randomBytes(3).toString("hex")}`,
      async (batch) => {
        seen.push(...batch.records);
      },
    );
    await waitFor(async () => seen.length >= atLeast, `${atLeast} records in the log`, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // any extra one would show by now
    await subscription.stop();
    return seen;
  }
  const activationsLogged = async (atLeast: number) =>
    (await logged(atLeast)).filter((record) => JSON.parse(record.value).type === "policy.activated");

  beforeAll(async () => {
    if (skip) return;
    store = await open();
    for (let from = 0; from < events.length; from += 200)
      await store.log.append(
        events.slice(from, from + 200).map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
      );
    const worker = await start();
    await waitFor(
      async () => (await countEvents(store.handle.db)) === events.length,
      "every event to be applied",
    );
    await worker.stop();
  }, 180_000);

  afterAll(async () => {
    await store?.close();
  });

  it.skipIf(skip)(
    "activates the given policy with one event, and re-scores every system once under it",
    async () => {
      expect(await loadPolicyInForce(store.handle.db)).toBeNull();
      const before = await dumpProjections(store.handle.db);
      expect(before.system_reports!.map((row) => JSON.parse(row).rubric_version)).toEqual(
        [...systems].map(() => builtinPolicy().rubricVersion),
      );

      const worker = await start(policy);
      await waitFor(async () => (await loadPolicyInForce(store.handle.db)) !== null, "the policy in force");
      await worker.stop();

      const inForce = (await loadPolicyInForce(store.handle.db))!;
      expect(inForce).toMatchObject({
        name: "monthly-batch",
        version: "2",
        rubricVersion: policy.rubricVersion,
        contentHash: policy.contentHash,
        actor: "MATURITY_POLICY",
        document: policy.document,
      });
      expect(await storedActivations()).toBe(1);
      const [appended] = await activationsLogged(events.length + 1);
      expect(JSON.parse(appended!.value)).toMatchObject({
        id: inForce.eventId,
        source: "urn:maturity:platform",
        subject: "policy",
        data: { actor: "MATURITY_POLICY", contentHash: policy.contentHash },
      });

      // Every system's report is now the new rubric's.
      const after = await dumpProjections(store.handle.db);
      expect(after.system_reports!.map((row) => JSON.parse(row).rubric_version)).toEqual(
        [...systems].map(() => policy.rubricVersion),
      );
      // History: one row per axis that moved, each saying the activation caused it under the new rubric.
      const rows = rowsOf<{
        system_id: string;
        axis: string;
        level: number;
        rubric_version: string;
        cause_event_id: string;
      }>(
        await store.handle.db.execute(
          sql`select system_id, axis, level, rubric_version, cause_event_id from projections.score_history where cause = 'policy'`,
        ),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.rubric_version).toBe(policy.rubricVersion);
        expect(row.cause_event_id).toBe(inForce.eventId);
      }
      const keys = rows.map((row) => `${row.system_id}/${row.axis}`);
      expect(new Set(keys).size).toBe(keys.length);
      // The systems that deploy less than weekly reach deployment level 2 under this policy.
      expect(
        rows
          .filter((row) => row.axis === "deployment" && row.level === 2)
          .map((row) => row.system_id)
          .sort(),
      ).toEqual(["legacy-churn", "triage-agent"]);
      // The portal's history of a system says under which rubric each point was computed, and why.
      const history = await systemHistory(store.handle.db, "legacy-churn");
      expect(history.at(-1)).toMatchObject({
        axis: "deployment",
        level: 2,
        cause: "policy",
        causeEventId: inForce.eventId,
        rubricVersion: policy.rubricVersion,
      });
      expect(history[0]).toMatchObject({ cause: "event", rubricVersion: builtinPolicy().rubricVersion });
    },
    120_000,
  );

  it.skipIf(skip)(
    "changes nothing when the same activation is delivered again, or the same policy given again",
    async () => {
      const before = await dumpProjections(store.handle.db);
      const [activation] = await activationsLogged(events.length + 1);

      // Started again with the same policy: nothing to activate.
      const worker = await start(policy);
      await store.log.append([{ key: activation!.key, value: activation!.value }]);
      await waitFor(async () => worker.metrics.duplicatesIgnored >= 1, "the second delivery");
      await worker.stop();

      expect(await activationsLogged(events.length + 2)).toHaveLength(2); // the one redelivered by hand
      expect(await storedActivations()).toBe(1);
      expect(await dumpProjections(store.handle.db)).toEqual(before);
    },
    120_000,
  );

  it.skipIf(skip)(
    "names the expired waiver as the cause when the periodic re-score moves a score",
    async () => {
      const [reportBefore] = rowsOf<{ report: unknown }>(
        await store.handle.db.execute(
          sql`select report from projections.system_reports where system_id = 'credit-limits'`,
        ),
      );
      const waivers = (
        typeof reportBefore!.report === "string" ? JSON.parse(reportBefore!.report) : reportBefore!.report
      ).waivers as { eventId: string }[];
      expect(waivers.map((waiver) => waiver.eventId)).toEqual([grant.id]);

      expect(await rescoreAll(store.handle.db, expiredAt)).not.toBeNull();
      const rows = rowsOf<{
        system_id: string;
        axis: string;
        cause: string;
        cause_event_id: string | null;
        rubric_version: string;
      }>(
        await store.handle.db.execute(
          sql`select system_id, axis, cause, cause_event_id, rubric_version from projections.score_history where at = ${new Date(expiredAt).toISOString()}::timestamptz`,
        ),
      );
      expect(rows).toContainEqual({
        system_id: "credit-limits",
        axis: "deployment",
        cause: "waiver-expired",
        cause_event_id: grant.id,
        rubric_version: policy.rubricVersion,
      });
      // Scores that moved for any other reason keep "window".
      for (const row of rows.filter((row) => row.system_id !== "credit-limits" || row.axis !== "deployment"))
        expect(row).toMatchObject({ cause: "window", cause_event_id: null });
    },
    120_000,
  );

  it.skipIf(skip)(
    "replays into the same projections, the policy in force and its history included",
    async () => {
      await refreshRollups(store.handle.db, expiredAt);
      const live = await dumpProjections(store.handle.db);
      expect(live.active_policy).toHaveLength(1);
      await replayProjections(store.handle.db);
      const rebuilt = await dumpProjections(store.handle.db);
      for (const table of Object.keys(live))
        expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[table] });
    },
    120_000,
  );
});
