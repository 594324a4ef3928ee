// Alerts end to end through startWorker, on both paths: events appended to the real log (the file
// log with PGlite, as `npm start` opens them; the Kafka broker with the Postgres server), the worker
// decides and commits the message, and sendAlertsNow delivers it to a local receiver that verifies
// every delivery with the `standardwebhooks` package. The receiver's answers drive the retry policy.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { alertsConfig, webhookSecret } from "@maturity/alerts/testing";
import type { AlertMessageRow, Database, DatabaseHandle } from "@maturity/db";
import { countEvents, listAlertMessages, openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from "@maturity/db/testing";
import type { EventLog } from "@maturity/log";
import { embeddedLogDir, openEmbeddedLog, openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import type { MaturityEvent } from "@maturity/model";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertEvents } from "../../test/alert-events.ts";
import { waitFor } from "../../test/wait-for.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver.ts";
import { startWorker, type RunningWorker } from "../worker.ts";

const runKafka = await kafkaAvailable();
/** The worker's scoring clock (pinned); deliveries and their retries go by the wall clock. */
const t0 = Date.parse("2026-10-01T12:00:00.000Z");
const namedOwner = "governance.l2.named-owner";
const publicUrl = "https://maturity.acme.example";
const maxAttempts = 3;

interface Store {
  handle: DatabaseHandle;
  log: EventLog;
  groupId: string;
  cleanup(): Promise<void>;
}

const paths = [
  {
    name: "embedded (PGlite and the file log)",
    available: true,
    async open(): Promise<Store> {
      const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-alert-delivery-"));
      const handle = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
      const log = await openEmbeddedLog(embeddedLogDir(dataDir));
      return {
        handle,
        log,
        groupId: "maturity-worker",
        async cleanup() {
          await log.close();
          await handle.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "distributed (the Postgres server and the Kafka broker)",
    available: runKafka,
    async open(): Promise<Store> {
      const suffix = randomBytes(4).toString("hex");
      const scratch: ScratchDatabase = await createScratchDatabase(testDatabaseUrl);
      const handle = await openDatabase({ url: scratch.url });
      const log = await openKafkaLog({
        brokers: testKafkaBrokers,
        topic: `maturity.alert-delivery-${suffix}`,
        partitions: 1,
      });
      return {
        handle,
        log,
        groupId: `alert-delivery-${suffix}`,
        async cleanup() {
          await log.close();
          await handle.close();
          await scratch.drop();
        },
      };
    },
  },
];

for (const { name, available, open } of paths) {
  describe.skipIf(!available)(`alert delivery through the worker, ${name}`, () => {
    const secret = webhookSecret();
    let refusing = true;
    let receiver: WebhookReceiver;
    let store: Store;
    let db: Database;
    let worker: RunningWorker;
    const make = alertEvents(`delivery-${randomBytes(3).toString("hex")}`);
    let stored = 0;

    beforeAll(async () => {
      receiver = await startWebhookReceiver(secret, (route, nth) => {
        switch (route) {
          case "/flaky":
            return { status: nth === 1 ? 500 : 200 };
          case "/throttled":
            return nth === 1 ? { status: 429, retryAfter: "2" } : { status: 200 };
          case "/down":
            return { status: 502 };
          case "/refusing":
            return { status: refusing ? 400 : 200 };
          default:
            return { status: 200 };
        }
      });
      const destinations = ["ok", "flaky", "throttled", "down", "refusing"];
      const config = alertsConfig(
        [
          "destinations:",
          ...destinations.flatMap((destination) => [
            `  ${destination}:`,
            "    type: webhook",
            `    url: ${receiver.url}/${destination}`,
            "    secret: ${DELIVERY_HOOK_SECRET}",
          ]),
          "rules:",
          // Each destination hears of one team's drops: each case drives one message.
          ...destinations.flatMap((destination) => [
            `  - id: to-${destination}`,
            "    kind: level_dropped",
            `    teams: [team-${destination}]`,
            `    destinations: [${destination}]`,
          ]),
        ].join("\n"),
        { DELIVERY_HOOK_SECRET: secret },
      );
      store = await open();
      db = store.handle.db;
      worker = await startWorker({
        db,
        log: store.log,
        groupId: store.groupId,
        logger: pino({ level: "silent" }),
        clock: () => t0,
        rescoreIntervalMs: 0,
        rollupIntervalMs: 0,
        telemetryRetentionDays: 0,
        alerts: {
          config,
          publicUrl,
          // Only sendAlertsNow sends: each case says when.
          sendIntervalMs: 0,
          retry: { baseDelayMs: 100, maxAttempts },
        },
      });
    }, 120_000);

    afterAll(async () => {
      await worker?.stop();
      await store?.cleanup();
      await receiver?.close();
    });

    async function append(events: readonly MaturityEvent[]) {
      await store.log.append(events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })));
      stored += events.length;
      await waitFor(async () => (await countEvents(db)) === stored, "the worker to apply the events", 60_000);
    }

    async function row(messageId: string): Promise<AlertMessageRow> {
      return (await listAlertMessages(db)).find((message) => message.messageId === messageId)!;
    }

    /**
     * Appends a system of the destination's team, at governance level 2 by a waiver, and then in a
     * later batch the waiver's revocation: the worker commits the drop and its message.
     */
    async function dropFor(destination: string): Promise<AlertMessageRow> {
      const systemId = `${destination}-system`;
      await append([
        make.registered(
          systemId,
          { team: `team-${destination}`, kind: "classical", riskTier: "limited" },
          "2026-09-01T09:00:00Z",
        ),
        make.waiverGranted(systemId, namedOwner, "2026-09-10T09:00:00Z", "2027-01-15T00:00:00Z"),
      ]);
      expect((await listAlertMessages(db)).filter((m) => m.destination === destination)).toEqual([]);
      await append([make.waiverRevoked(systemId, namedOwner, "2026-09-20T09:00:00Z")]);
      const messages = (await listAlertMessages(db)).filter((m) => m.destination === destination);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ status: "pending", attempts: 0 });
      return messages[0]!;
    }

    /** Waits (by the wall clock) until the message's next attempt is due. */
    async function untilDue(messageId: string) {
      const due = Date.parse((await row(messageId)).nextAttemptAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 20));
    }

    const deliveriesTo = (route: string) => receiver.deliveries.filter((d) => d.path === route);
    const seen = (route: string) => deliveriesTo(route).map((d) => [d.id, d.status, d.verified]);

    it("delivers the decided alert signed: standardwebhooks verifies it and refuses it tampered with", async () => {
      const message = await dropFor("ok");
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 1, retried: 0, dead: 0 });

      const [delivery] = deliveriesTo("/ok");
      expect(deliveriesTo("/ok")).toHaveLength(1);
      expect(delivery).toMatchObject({
        id: message.messageId,
        status: 200,
        verified: true,
        tamperedRefused: true,
        contentType: "application/cloudevents+json",
      });
      expect(JSON.parse(delivery!.body)).toMatchObject({
        specversion: "1.0",
        source: "urn:maturity:alerts",
        type: "dev.maturity.alert.level_dropped",
        subject: "ok-system",
        data: {
          ruleId: "to-ok",
          kind: "level_dropped",
          subject: { type: "system", systemId: "ok-system", team: "team-ok" },
          change: {
            axis: "governance",
            before: 2,
            after: 1,
            criteria: [{ id: namedOwner, before: "waived", after: "no_data" }],
          },
          link: expect.stringMatching(/^https:\/\/maturity\.acme\.example\//),
        },
      });
      expect(await row(message.messageId)).toMatchObject({
        status: "delivered",
        attempts: 1,
        lastStatus: 200,
      });
      // Delivered: never sent again.
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    });

    it("retries a 500 with the same webhook-id and delivers on the 200", async () => {
      const message = await dropFor("flaky");
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 1, dead: 0 });
      expect(await row(message.messageId)).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
      await untilDue(message.messageId);
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 1, retried: 0, dead: 0 });
      expect(seen("/flaky")).toEqual([
        [message.messageId, 500, true],
        [message.messageId, 200, true],
      ]);
      expect(await row(message.messageId)).toMatchObject({
        status: "delivered",
        attempts: 2,
        lastStatus: 200,
      });
    });

    it("waits out a 429's Retry-After before the next attempt", async () => {
      const message = await dropFor("throttled");
      const before = Date.now();
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 1, dead: 0 });
      // Two seconds asked for, against a backoff of at most 100 ms.
      expect(Date.parse((await row(message.messageId)).nextAttemptAt)).toBeGreaterThanOrEqual(before + 2_000);
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 0, dead: 0 });
      expect(deliveriesTo("/throttled")).toHaveLength(1);

      await untilDue(message.messageId);
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 1, retried: 0, dead: 0 });
      expect(seen("/throttled")).toEqual([
        [message.messageId, 429, true],
        [message.messageId, 200, true],
      ]);
      const [first, second] = deliveriesTo("/throttled");
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_900);
    });

    it("gives up on a receiver that keeps failing after the policy's attempts, and /metrics shows the dead message", async () => {
      const message = await dropFor("down");
      const tallies = [];
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        if (attempt > 1) await untilDue(message.messageId);
        tallies.push(await worker.sendAlertsNow());
      }
      expect(tallies).toEqual([
        { delivered: 0, retried: 1, dead: 0 },
        { delivered: 0, retried: 1, dead: 0 },
        { delivered: 0, retried: 0, dead: 1 },
      ]);
      expect(seen("/down")).toEqual(
        Array.from({ length: maxAttempts }, () => [message.messageId, 502, true]),
      );
      const dead = await row(message.messageId);
      expect(dead).toMatchObject({ status: "dead", attempts: maxAttempts, lastStatus: 502 });
      expect(dead.lastError).toMatch(/gave up after 3 attempts/);
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 0, dead: 0 });

      const metrics = worker.metrics.render();
      expect(metrics).toContain('maturity_alert_messages{status="dead"} 1\n');
      expect(metrics).toContain('maturity_alert_messages{status="pending"} 0\n');
      expect(metrics).toContain('maturity_alert_messages{status="delivered"} 3\n');
      // ok 1; flaky 1 + 1; throttled 1 + 1; down 2 + 1.
      expect(metrics).toContain('maturity_worker_alert_attempts_total{outcome="delivered"} 3\n');
      expect(metrics).toContain('maturity_worker_alert_attempts_total{outcome="retried"} 4\n');
      expect(metrics).toContain('maturity_worker_alert_attempts_total{outcome="dead"} 1\n');
    });

    it("gives up at once on a 400, and sends it again after an admin's re-drive", async () => {
      const message = await dropFor("refusing");
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 0, dead: 1 });
      const dead = await row(message.messageId);
      expect(dead).toMatchObject({ status: "dead", attempts: 1, lastStatus: 400 });
      expect(dead.lastError).toMatch(/refused/);
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 0, retried: 0, dead: 0 });
      expect(worker.metrics.render()).toContain('maturity_alert_messages{status="dead"} 2\n');

      // The receiver is fixed; the admin's re-drive goes through the log like any event.
      refusing = false;
      await append([make.redriven(message.messageId, "2026-09-30T09:00:00Z")]);
      expect(await row(message.messageId)).toMatchObject({ status: "pending", attempts: 0 });
      expect(await worker.sendAlertsNow()).toEqual({ delivered: 1, retried: 0, dead: 0 });
      expect(seen("/refusing")).toEqual([
        [message.messageId, 400, true],
        [message.messageId, 200, true],
      ]);
      expect(await row(message.messageId)).toMatchObject({ status: "delivered", attempts: 1 });
    });

    it("every delivery was verified, and none would have been accepted tampered with", () => {
      expect(receiver.deliveries.length).toBeGreaterThan(0);
      expect(receiver.deliveries.filter((d) => !d.verified || !d.tamperedRefused)).toEqual([]);
    });
  });
}
