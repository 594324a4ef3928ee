// The outbox's sender against a real receiver that verifies every delivery with the
// `standardwebhooks` package (not our code), on PGlite and on the Postgres server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Destination } from "@maturity/alerts";
import { queuedMessage, testMessage, webhookSecret } from "@maturity/alerts/testing";
import { enqueueAlertMessages, listAlertMessages } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueAlerts, type AlertSenderDeps } from "./send-due.ts";

const secret = webhookSecret();

/** A receiver answering from a script of statuses, verifying (and recording) what it accepts. */
function receiver(statuses: number[]) {
  const seen: { id: string; status: number; verified: boolean }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = true;
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const status = verified ? (statuses.shift() ?? 200) : 401;
      seen.push({ id: String(request.headers["webhook-id"]), status, verified });
      response.writeHead(status, status === 429 ? { "retry-after": "1" } : {}).end();
    });
  });
  return {
    seen,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(["pglite", "postgres"] as const)("sending the alert outbox (%s)", (driver) => {
  const store = suiteDatabase(driver);
  const flaky = receiver([500, 429]);
  let clock = Date.now();
  /** The clock as the time a message is due. */
  const nowIso = () => new Date(clock).toISOString();
  let deps: AlertSenderDeps;

  beforeAll(async () => {
    const url = await flaky.listen();
    const destinations: Record<string, Destination> = {
      receiver: { name: "receiver", type: "webhook", url, secret },
      refusing: { name: "refusing", type: "webhook", url, secret: webhookSecret() },
    };
    deps = {
      db: store().db,
      destinations,
      publicUrl: "https://maturity.acme.example",
      now: () => new Date(clock),
      random: () => 0.5,
      policy: { baseDelayMs: 1_000, maxAttempts: 3 },
    };
  });
  afterAll(() => flaky.close());

  it("retries a 5xx and a 429 with the same webhook-id, delivers once, and records each attempt", async () => {
    await enqueueAlertMessages(store().db, [queuedMessage(testMessage("msg-1", "receiver"), nowIso())]);
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // Not due again until its backoff has passed.
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 0, retried: 0, dead: 0 });
    clock += 60_000;
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 0, retried: 1, dead: 0 });
    clock += 60_000;
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(flaky.seen.filter((hit) => hit.id === "msg-1")).toEqual([
      { id: "msg-1", status: 500, verified: true },
      { id: "msg-1", status: 429, verified: true },
      { id: "msg-1", status: 200, verified: true },
    ]);
    const [row] = (await listAlertMessages(store().db)).filter((message) => message.messageId === "msg-1");
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 200 });
    // Delivered: never sent again.
    clock += 60_000;
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 0, retried: 0, dead: 0 });
  });

  it("gives up at once on a refusal (a 4xx other than 429), and on a destination no longer configured", async () => {
    await enqueueAlertMessages(store().db, [
      // Signed with a secret the receiver does not know: it answers 401.
      queuedMessage(testMessage("msg-2", "refusing"), nowIso()),
      queuedMessage(testMessage("msg-3", "gone"), nowIso()),
    ]);
    expect(await sendDueAlerts(deps)).toEqual({ delivered: 0, retried: 0, dead: 2 });
    const dead = await listAlertMessages(store().db, { status: "dead" });
    expect(dead.find((row) => row.messageId === "msg-2")).toMatchObject({ attempts: 1, lastStatus: 401 });
    expect(dead.find((row) => row.messageId === "msg-3")?.lastError).toMatch(
      /"gone" is no longer in the alerts file/,
    );
    expect(flaky.seen.find((hit) => hit.id === "msg-2")).toEqual({
      id: "msg-2",
      status: 401,
      verified: false,
    });
  });
});
