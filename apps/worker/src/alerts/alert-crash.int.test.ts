// A process killed between commit and send: `npm start`'s platform (as a child process, on both
// paths) decides an alert and commits its messages while the receiver fails, is SIGKILLed, and is
// started again on the same data with the receiver back. Every webhook-id the receiver accepts is
// accepted exactly once, and they are the outbox's message ids.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { webhookSecret } from "@maturity/alerts/testing";
import type { DatabaseHandle } from "@maturity/db";
import { listAlertMessages, openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import { afterAll, describe, expect, it } from "vitest";
import { alertEvents } from "../../test/alert-events.ts";
import { metricValue, startPlatformProcess, type PlatformProcess } from "../../test/platform-process.ts";
import { waitFor } from "../../test/wait-for.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver.ts";

const runKafka = await kafkaAvailable();
const namedOwner = "governance.l2.named-owner";

interface PreparedPath {
  /** The settings that put the platform on this path (beside MATURITY_DATA_DIR). */
  env: Record<string, string>;
  /** The platform's database, opened by the test once the platform is gone. */
  openDatabase(dataDir: string): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

const paths: { name: string; available: boolean; prepare(): Promise<PreparedPath> }[] = [
  {
    name: "embedded (PGlite and the file log)",
    available: true,
    async prepare() {
      return {
        env: {},
        openDatabase: (dataDir) => openDatabase({ dataDir: path.join(dataDir, "pglite") }),
        cleanup: async () => {},
      };
    },
  },
  {
    name: "distributed (the Postgres server and the Kafka broker)",
    available: runKafka,
    async prepare() {
      const scratch = await createScratchDatabase(testDatabaseUrl);
      const suffix = randomBytes(4).toString("hex");
      return {
        env: {
          DATABASE_URL: scratch.url,
          KAFKA_BROKERS: testKafkaBrokers.join(","),
          KAFKA_TOPIC: `maturity.alert-crash-${suffix}`,
          KAFKA_PARTITIONS: "1",
          WORKER_GROUP_ID: `alert-crash-${suffix}`,
          // The group hands the killed member's partition on after this (Kafka's floor).
          WORKER_SESSION_TIMEOUT_MS: "6000",
        },
        openDatabase: () => openDatabase({ url: scratch.url }),
        cleanup: () => scratch.drop(),
      };
    },
  },
];

for (const { name, available, prepare } of paths) {
  describe.skipIf(!available)(`alerts across a crash of npm start's platform, ${name}`, () => {
    const processes: PlatformProcess[] = [];
    const cleanups: (() => Promise<void>)[] = [];
    let receiver: WebhookReceiver | undefined;

    afterAll(async () => {
      for (const running of processes)
        if (running.child.exitCode === null && running.child.signalCode === null) {
          running.child.kill("SIGKILL");
          await running.exited;
        }
      await receiver?.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it("a process killed between commit and send delivers after restart, exactly once per webhook-id", async () => {
      const secret = webhookSecret();
      // Failing while the first process runs: the messages are committed, tried, and not delivered.
      // A 503 with Retry-After (a failure like a 500) makes the next attempt due a second later, so
      // the restarted process does not wait out a random backoff of up to 30 s.
      receiver = await startWebhookReceiver(secret, () => ({ status: 503, retryAfter: "1" }));
      const folder = await mkdtemp(path.join(tmpdir(), "maturity-alert-crash-"));
      cleanups.push(() => rm(folder, { recursive: true, force: true }));
      const dataDir = path.join(folder, "data");
      await mkdir(dataDir);
      const alertsFile = path.join(folder, "alerts.yaml");
      await writeFile(
        alertsFile,
        [
          "destinations:",
          "  first-hook:",
          "    type: webhook",
          `    url: ${receiver.url}/first`,
          "    secret: ${CRASH_HOOK_SECRET}",
          "  second-hook:",
          "    type: webhook",
          `    url: ${receiver.url}/second`,
          "    secret: ${CRASH_HOOK_SECRET}",
          "rules:",
          "  - id: any-drop",
          "    kind: level_dropped",
          "    destinations: [first-hook, second-hook]",
          "",
        ].join("\n"),
      );
      const prepared = await prepare();
      cleanups.push(() => prepared.cleanup());
      const env = {
        ...prepared.env,
        MATURITY_DATA_DIR: dataDir,
        INGEST_TOKENS: `alert-crash-${randomBytes(8).toString("hex")}`,
        MATURITY_ALERTS: alertsFile,
        CRASH_HOOK_SECRET: secret,
        MATURITY_PUBLIC_URL: "https://maturity.acme.example",
        WORKER_FIXED_CLOCK: "2026-10-01T12:00:00.000Z",
        RESCORE_INTERVAL_MS: "0",
      };

      const first = await startPlatformProcess(env);
      processes.push(first);
      const make = alertEvents(`crash-${randomBytes(3).toString("hex")}`);
      await first.send([
        make.registered(
          "fraud-scoring",
          { team: "risk", kind: "classical", riskTier: "high" },
          "2026-09-01T09:00:00Z",
        ),
        make.waiverGranted("fraud-scoring", namedOwner, "2026-09-10T09:00:00Z", "2027-01-15T00:00:00Z"),
      ]);
      // In its own batch, after the first: the drop is decided against the committed level.
      await waitFor(
        async () => metricValue(await first.metrics(), "maturity_worker_events_applied_total") === 2,
        `the first events to be applied:\n${first.output()}`,
        60_000,
      );
      await first.send([make.waiverRevoked("fraud-scoring", namedOwner, "2026-09-20T09:00:00Z")]);
      // Committed (two messages, one per destination) and tried: the receiver has seen both fail.
      await waitFor(
        async () => new Set(receiver!.deliveries.map((d) => d.path)).size === 2,
        "both messages to be tried",
        60_000,
      );
      await waitFor(
        async () => metricValue(await first.metrics(), 'maturity_alert_messages{status="pending"}') === 2,
        "the outbox to show both pending",
        30_000,
      );
      first.child.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      const failed = receiver.deliveries.map((d) => ({ ...d }));
      expect(failed.length).toBeGreaterThanOrEqual(2);
      expect(failed.every((d) => d.status === 503 && d.verified)).toBe(true);
      expect(receiver.accepted()).toEqual([]);

      // Started again on the same data, with the receiver back.
      receiver.answer(() => ({ status: 200 }));
      const second = await startPlatformProcess(env);
      processes.push(second);
      await waitFor(async () => receiver!.accepted().length >= 2, "both messages to be delivered", 60_000);
      await waitFor(
        async () => metricValue(await second.metrics(), 'maturity_alert_messages{status="delivered"}') === 2,
        "the outbox to show both delivered",
        30_000,
      );
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);

      const handle = await prepared.openDatabase(dataDir);
      cleanups.push(() => handle.close());
      const rows = await listAlertMessages(handle.db);
      const messageIds = rows.map((row) => row.messageId).sort();
      expect(rows.map((row) => row.destination).sort()).toEqual(["first-hook", "second-hook"]);
      expect(rows.every((row) => row.status === "delivered" && row.lastStatus === 200)).toBe(true);
      // Tried before the crash, delivered after: the attempts survived it.
      expect(rows.every((row) => row.attempts >= 2)).toBe(true);

      const accepted = receiver.accepted();
      expect(accepted.map((d) => d.id).sort()).toEqual(messageIds);
      // Exactly once per webhook-id; the ids the first process tried are the same messages.
      expect(new Set(accepted.map((d) => d.id)).size).toBe(accepted.length);
      expect([...new Set(failed.map((d) => d.id))].sort()).toEqual(messageIds);
      expect(receiver.deliveries.every((d) => d.verified && d.tamperedRefused)).toBe(true);
    }, 180_000);
  });
}
