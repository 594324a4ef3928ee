import { afterEach, describe, expect, it } from "vitest";
import { fixtureJson, fixtureText } from "../../test/fixtures/load.ts";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";
import { alertmanagerExamples } from "../examples/alertmanager.ts";

const now = new Date("2026-03-02T12:00:00Z");
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const fixture = (name: string) => fixtureText(`alertmanager/${name}.json`);
const driftKey = "5d1c9e8f4a2b7c30@2026-03-01T09:58:30.123Z";
const latencyKey = "a0b1c2d3e4f50617@2026-03-01T10:02:15.500Z";

const send = (body: string, headers: Record<string, string> = bearer) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/webhooks/alertmanager",
    headers: { "content-type": "application/json", ...headers },
    payload: body,
  });

const start = (options: Parameters<typeof startHarness>[0] = {}) =>
  startHarness({
    clock: () => now,
    resolveSystem: (ref) =>
      ref.kind === "service" && ref.id === "fraud-scorer" ? "fraud-detection" : undefined,
    ...options,
  });

describe("POST /v1/webhooks/alertmanager", () => {
  it("maps each firing alert to monitor.alert.fired, and a critical one also to incident.opened", async () => {
    harness = await start();
    const response = await send(fixture("firing-group"));
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toEqual([
      { id: driftKey, source: "alertmanager", type: "monitor.alert.fired", subject: "fraud-detection" },
      {
        id: `${driftKey}:opened`,
        source: "alertmanager",
        type: "incident.opened",
        subject: "fraud-detection",
      },
      // Routed by its maturity_system label, the system id as it is.
      { id: latencyKey, source: "alertmanager", type: "monitor.alert.fired", subject: "fraud-detection" },
    ]);
    const [drift, opened, latency] = await harness.logged();
    expect(drift).toMatchObject({ time: "2026-03-01T09:58:30.123Z", data: { signal: "drift", severity: 1 } });
    expect(opened).toMatchObject({
      time: "2026-03-01T09:58:30.123Z",
      data: { incidentId: `alertmanager:${driftKey}`, severity: 1, kind: "quality_regression" },
    });
    expect(latency).toMatchObject({ data: { signal: "latency", severity: 3 } });
    expect(latency).not.toHaveProperty("unmappedref");
  });

  it("resolves the incident of a resolved critical alert at its end, keyed by fingerprint and start", async () => {
    harness = await start();
    const firing = await send(fixture("firing-group"));
    const response = await send(fixture("resolved-group"));
    expect(response.statusCode).toBe(202);
    // The resolution repeats the firing's events under the same ids (the store keeps them once)
    // and adds the incident's resolution; the warning alert opened no incident, so none resolves.
    const accepted = response.json().accepted as { id: string; type: string; subject: string }[];
    const firingIds = new Set((firing.json().accepted as { id: string }[]).map((event) => event.id));
    expect(accepted.filter((event) => !firingIds.has(event.id))).toEqual([
      {
        id: `${driftKey}:resolved`,
        source: "alertmanager",
        type: "incident.resolved",
        subject: "fraud-detection",
      },
    ]);
    const events = await harness.logged();
    expect(events.find((event) => event.type === "incident.resolved")).toMatchObject({
      time: "2026-03-01T10:41:07.250Z",
      data: { incidentId: `alertmanager:${driftKey}` },
    });
    expect(
      new Set(events.filter((event) => event.type === "monitor.alert.fired").map((e) => e.id)).size,
    ).toBe(2);
  });

  it("gives a repeated notification the same ids, so the store keeps each alert once", async () => {
    harness = await start();
    const first = await send(fixture("firing-group"));
    const repeat = await send(fixture("firing-group"));
    expect(repeat.json().accepted).toEqual(first.json().accepted);
  });

  it("opens incidents for the severities INGEST_ALERTMANAGER_INCIDENT_SEVERITIES lists", async () => {
    harness = await start({ config: { alertmanagerIncidentSeverities: ["critical", "warning"] } });
    const response = await send(fixture("firing-group"));
    expect(response.json().accepted.map((event: { type: string }) => event.type)).toEqual([
      "monitor.alert.fired",
      "incident.opened",
      "monitor.alert.fired",
      "incident.opened",
    ]);
    expect((await harness.logged())[3]).toMatchObject({
      data: { incidentId: `alertmanager:${latencyKey}`, severity: 3, kind: "outage" },
    });
  });

  it("skips an alert that names no system, lists it, and keeps the others", async () => {
    harness = await start();
    const response = await send(fixture("unroutable-alert"));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: [
        {
          id: "c4d5e6f708192a3b@2026-03-01T12:00:00.000Z",
          source: "alertmanager",
          type: "monitor.alert.fired",
          subject: "unmapped:service:support-assistant",
        },
      ],
      skipped: [{ index: 1, id: "9e8d7c6b5a493827", reason: expect.stringMatching(/maturity_system/) }],
    });
    expect((await harness.logged())[0]).toMatchObject({
      unmappedref: "service:support-assistant",
      data: { signal: "cost", severity: 3 },
    });
  });

  it("answers 200 ignored, and counts it, when no alert of the group can be routed", async () => {
    harness = await start();
    const group = fixtureJson<{ alerts: unknown[] }>("alertmanager/unroutable-alert.json");
    group.alerts = group.alerts.slice(1);
    const response = await send(JSON.stringify(group));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      accepted: [],
      ignored: expect.stringMatching(/names its system/),
      skipped: [{ index: 0, id: "9e8d7c6b5a493827" }],
    });
    expect(await harness.logged()).toEqual([]);
    const metrics = (await harness.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/ingest_deliveries_ignored_total\{route="\/v1\/webhooks\/alertmanager"\} 1\b/);
  });

  it("accepts the documentation's examples as they are", async () => {
    harness = await start();
    expect((await send(JSON.stringify(alertmanagerExamples.firing.value))).statusCode).toBe(202);
    expect((await send(JSON.stringify(alertmanagerExamples.resolved.value))).statusCode).toBe(202);
    // The resolved example repeats its alerts' firing events (same ids, stored once) and resolves.
    const logged = await harness.logged();
    const distinct = new Map(
      logged.map((event) => [`${String(event.source)} ${String(event.id)}`, event.type]),
    );
    expect([...distinct.values()].sort()).toEqual([
      "incident.opened",
      "incident.resolved",
      "monitor.alert.fired",
      "monitor.alert.fired",
    ]);
  });

  it.each([
    [
      "an alert without a fingerprint",
      (alert: Record<string, unknown>) => delete alert.fingerprint,
      "alerts.0.fingerprint",
    ],
    [
      "a start without a zone",
      (alert: Record<string, unknown>) => (alert.startsAt = "2026-03-01 09:58:30"),
      "alerts.0.startsAt",
    ],
    ["an unknown status", (alert: Record<string, unknown>) => (alert.status = "pending"), "alerts.0.status"],
  ])("answers 400 naming the field for %s, and appends nothing", async (_name, spoil, path) => {
    harness = await start();
    const group = fixtureJson<{ alerts: Record<string, unknown>[] }>("alertmanager/firing-group.json");
    spoil(group.alerts[0]!);
    const response = await send(JSON.stringify(group));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: "invalid_payload", issues: [{ path }] });
    expect(await harness.logged()).toEqual([]);
  });

  it("names the missing alerts of something that is not a notification", async () => {
    harness = await start();
    const response = await send(JSON.stringify({ version: "4", status: "firing" }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe("alerts");
  });

  it("requires the bearer token when auth is on", async () => {
    harness = await start({ config: { bearerAuth: true, tokens: testTokens } });
    expect((await send(fixture("firing-group"), {})).statusCode).toBe(401);
    expect((await send(fixture("firing-group"), { authorization: "Bearer wrong" })).statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
    expect((await send(fixture("firing-group"))).statusCode).toBe(202);
  });
});
