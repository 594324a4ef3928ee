import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureJson, fixtureText } from "../../test/fixtures/load.ts";
import { startHarness, type Harness } from "../../test/harness.ts";
import { pagerdutyExamples } from "../examples/pagerduty.ts";

const secret = "pd-subscription-secret";
const now = new Date("2026-03-02T12:00:00Z");
const source = "https://northwind-ml.pagerduty.com";
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

/** PagerDuty's documented scheme (`v1=` + hex HMAC-SHA256 of the raw body), written out here. */
const v1 = (body: string, key = secret) =>
  `v1=${createHmac("sha256", key).update(body, "utf8").digest("hex")}`;

const fixture = (name: string) => fixtureText(`pagerduty/${name}.json`);

/** `signature` null: no X-PagerDuty-Signature header at all. */
async function deliver(body: string, signature: string | null = v1(body)) {
  return harness.app.inject({
    method: "POST",
    url: "/v1/webhooks/pagerduty",
    headers: {
      "content-type": "application/json",
      ...(signature === null ? {} : { "x-pagerduty-signature": signature }),
    },
    payload: body,
  });
}

const start = (options: Parameters<typeof startHarness>[0] = {}) =>
  startHarness({ config: { pagerdutyWebhookSecrets: [secret] }, clock: () => now, ...options });

describe("POST /v1/webhooks/pagerduty: mapping", () => {
  it("maps incident.triggered (P1) to incident.opened with severity, kind and the deployment named", async () => {
    harness = await start({
      resolveSystem: (ref) => (ref.kind === "service" ? `system-of-${ref.id}` : undefined),
    });
    const response = await deliver(fixture("incident-triggered-p1"));
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toEqual([
      {
        id: "01HQ3ZK8V6N4T2W9B7C5D1E0FA",
        source,
        type: "incident.opened",
        subject: "system-of-PSC0RE1",
      },
    ]);
    expect((await harness.logged())[0]).toMatchObject({
      time: "2026-03-01T10:15:02.114Z",
      data: {
        incidentId: "Q3FR7KD",
        severity: 1,
        kind: "quality_regression",
        deploymentId: "fraud-scorer-2026.03.01-7",
      },
    });
  });

  it("keeps an incident of a service the catalogue does not list, under an unmapped subject", async () => {
    harness = await start();
    const response = await deliver(fixture("incident-triggered-p1"));
    expect(response.json().accepted[0].subject).toBe("unmapped:service:PSC0RE1");
    expect((await harness.logged())[0]).toMatchObject({ unmappedref: "service:PSC0RE1" });
  });

  it("reads severity from the urgency without a priority, and the deployment from the details", async () => {
    harness = await start();
    expect((await deliver(fixture("incident-triggered-low-urgency"))).statusCode).toBe(202);
    const [opened] = await harness.logged();
    expect(opened).toMatchObject({
      type: "incident.opened",
      data: {
        incidentId: "Q7BT2LC",
        severity: 4,
        kind: "outage",
        deploymentId: "batch-scorer-rel-2026-03-01",
      },
    });
  });

  it("maps resolved to incident.resolved and reopened to incident.opened again, same incident id", async () => {
    harness = await start();
    for (const name of ["incident-triggered-p1", "incident-resolved", "incident-reopened"]) {
      expect((await deliver(fixture(name))).statusCode).toBe(202);
    }
    const events = await harness.logged();
    expect(
      events.map((event) => [event.type, event.time, (event.data as { incidentId: string }).incidentId]),
    ).toEqual([
      ["incident.opened", "2026-03-01T10:15:02.114Z", "Q3FR7KD"],
      ["incident.resolved", "2026-03-01T11:02:33.019Z", "Q3FR7KD"],
      ["incident.opened", "2026-03-01T13:47:05.661Z", "Q3FR7KD"],
    ]);
    expect(events[1]!.data).toEqual({ incidentId: "Q3FR7KD" });
    // Reopened after the priority dropped to P2.
    expect(events[2]).toMatchObject({ id: "01HQ45B9H2K4M6P8R0T2V4X6ZE", data: { severity: 2 } });
    expect(new Set(events.map((event) => event.source))).toEqual(new Set([source]));
  });

  it("accepts and ignores every other event type, and counts it", async () => {
    harness = await start();
    const serviceUpdated = JSON.stringify({
      event: {
        id: "01HQSERVICEUPDATED000000000",
        event_type: "service.updated",
        resource_type: "service",
        occurred_at: "2026-03-01T09:00:00Z",
        agent: null,
        client: null,
        data: { id: "PSC0RE1", type: "service", summary: "fraud-scorer" },
      },
    });
    for (const body of [
      fixture("incident-acknowledged"),
      fixture("incident-priority-updated"),
      serviceUpdated,
    ]) {
      const response = await deliver(body);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        accepted: [],
        ignored: expect.stringMatching(/carries no maturity evidence/),
      });
    }
    expect((await deliver(fixture("incident-acknowledged"))).json().ignored).toContain(
      "incident.acknowledged",
    );
    expect(await harness.logged()).toEqual([]);
    const metrics = (await harness.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/ingest_deliveries_ignored_total\{route="\/v1\/webhooks\/pagerduty"\} 4\b/);
  });

  it("stores a redelivered event (same event id) under the same id and source", async () => {
    harness = await start();
    const body = fixture("incident-resolved");
    expect((await deliver(body)).statusCode).toBe(202);
    expect((await deliver(body)).statusCode).toBe(202);
    const logged = await harness.logged();
    // The log may hold both; the event store keeps one per (source, id).
    expect(logged.map((event) => [event.source, event.id])).toEqual([
      [source, "01HQ41A3E7G5J9L1N3Q6S8U0WD"],
      [source, "01HQ41A3E7G5J9L1N3Q6S8U0WD"],
    ]);
  });

  it("accepts the documentation's examples as they are", async () => {
    harness = await start();
    const statuses = [];
    for (const example of Object.values(pagerdutyExamples)) {
      statuses.push((await deliver(JSON.stringify(example.value))).statusCode);
    }
    expect(statuses).toEqual([202, 202, 200]);
    expect((await harness.logged()).map((event) => event.type)).toEqual([
      "incident.opened",
      "incident.resolved",
    ]);
  });

  it("names the field a malformed incident lacks and appends nothing", async () => {
    harness = await start();
    const payload = fixtureJson<{ event: { data: Record<string, unknown> } }>(
      "pagerduty/incident-triggered-p1.json",
    );
    delete payload.event.data.service;
    const response = await deliver(JSON.stringify(payload));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: "invalid_payload" });
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual([
      "event.data.service",
    ]);

    const noId = JSON.stringify({ event: { event_type: "incident.triggered", data: {} } });
    const second = await deliver(noId);
    expect(second.statusCode).toBe(400);
    expect(second.json().issues.map((issue: { path: string }) => issue.path)).toContain("event.id");
    expect(await harness.logged()).toEqual([]);
  });
});

describe("POST /v1/webhooks/pagerduty: signatures", () => {
  it("accepts a header with several signatures when any one matches (PagerDuty rotating its secret)", async () => {
    harness = await start();
    const body = fixture("incident-triggered-p1");
    const response = await deliver(body, `${v1(body, "retired-secret")},${v1(body)}`);
    expect(response.statusCode).toBe(202);
  });

  it("accepts deliveries signed with either configured secret (the receiver rotating)", async () => {
    harness = await start({ config: { pagerdutyWebhookSecrets: ["old-secret", "new-secret"] } });
    const body = fixture("incident-resolved");
    expect((await deliver(body, v1(body, "old-secret"))).statusCode).toBe(202);
    expect((await deliver(body, v1(body, "new-secret"))).statusCode).toBe(202);
    expect((await deliver(body, v1(body, "other-secret"))).statusCode).toBe(401);
  });

  it.each([
    ["a signature made with another secret", (body: string) => v1(body, "forged")],
    ["a signature of another body", (body: string) => v1(`${body} `)],
    ["a signature of another version", (body: string) => v1(body).replace(/^v1=/, "v2=")],
    ["a garbled header", () => "v1=not-hex"],
    ["an empty header", () => ""],
    ["no header", () => null],
  ])("answers 401 to %s and stores nothing", async (_name, sign) => {
    harness = await start();
    const body = fixture("incident-triggered-p1");
    const response = await deliver(body, sign(body));
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe("unauthorized");
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses every delivery while PAGERDUTY_WEBHOOK_SECRETS is unset, saying how to enable it", async () => {
    harness = await startHarness({ clock: () => now });
    const body = fixture("incident-triggered-p1");
    const response = await deliver(body);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(/set PAGERDUTY_WEBHOOK_SECRETS/);
    expect(await harness.logged()).toEqual([]);
  });

  it("checks the signature before the body is read as JSON", async () => {
    harness = await start();
    const response = await deliver("{not json", v1("{other"));
    expect(response.statusCode).toBe(401);
  });
});
