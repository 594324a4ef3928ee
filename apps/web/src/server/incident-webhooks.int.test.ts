// Incidents and alerts end to end, on both paths (PGlite and the file log; the Postgres server and
// the Kafka broker): PagerDuty v3 webhooks (signed, with rotating secrets) and Alertmanager
// notifications (bearer token) go through the ingest routes, the log and the worker into the event
// store, the system's report (time to recovery, change failure rate) and the unmapped sources list.
// docs/incidents.md holds the rules checked here.
import { createHmac } from "node:crypto";
import { listSourceMappings, rowsOf, sql } from "@maturity/db";
import { defaultIngestConfig } from "@maturity/ingest";
import { platformPaths } from "../../test/platform-paths.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, trpcClientFor } from "../../test/ingest-flow.ts";
import { startPlatform, type RunningPlatform } from "./platform.ts";

const ingestToken = "incident-webhooks-token-0123456789abcdef";
const oldSecret = "old-secret";
const newSecret = "new-secret";
const hourMs = 3_600_000;
const minuteMs = 60_000;
/** Kafka's first consumer-group join can take a while; the embedded path is much faster. */
const waitMs = 60_000;

const systemId = "fraud-detection";
const fraudService = "PFRAUD1";
const unknownService = "PUNKNOWN";
const deploymentId = "fraud-v7";
const pagerdutyAccount = "https://acme-ml.pagerduty.com";
/** Deliveries' source: the account, read from the incident's link. */
const pagerdutySource = pagerdutyAccount;
const alertmanagerSource = "alertmanager";
const testSource = "test://incident-webhooks";

/** `v1=` + hex HMAC-SHA256(secret, raw body), as PagerDuty signs a v3 delivery. */
function pagerdutySignature(secret: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

interface Answer {
  accepted?: { id: string; source: string; type: string; subject: string }[];
  ignored?: string;
  skipped?: unknown[];
  error?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

async function post(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as Answer };
}

const postEvent = (baseUrl: string, event: unknown, token: string | null = ingestToken) =>
  post(
    `${baseUrl}/v1/events`,
    {
      "content-type": "application/cloudevents+json",
      ...(token !== null && { authorization: `Bearer ${token}` }),
    },
    JSON.stringify(event),
  );

const postPagerduty = (baseUrl: string, body: string, signature: string) =>
  post(
    `${baseUrl}/v1/webhooks/pagerduty`,
    { "content-type": "application/json", "x-pagerduty-signature": signature },
    body,
  );

const postAlertmanager = (baseUrl: string, notification: unknown, token: string | null = ingestToken) =>
  post(
    `${baseUrl}/v1/webhooks/alertmanager`,
    {
      "content-type": "application/json",
      ...(token !== null && { authorization: `Bearer ${token}` }),
    },
    JSON.stringify(notification),
  );

/** A CloudEvent for POST /v1/events. */
function cloudEvent(id: string, type: string, time: number, data: Record<string, unknown>) {
  return {
    specversion: "1.0",
    id,
    source: testSource,
    type,
    time: new Date(time).toISOString(),
    subject: systemId,
    datacontenttype: "application/json",
    data,
  };
}

/** A PagerDuty v3 incident webhook delivery, in the documented shape (apps/ingest/src/examples). */
function pagerdutyDelivery(options: {
  eventId: string;
  eventType: string;
  occurredAt: number;
  incidentId: string;
  serviceId: string;
  title: string;
  status: string;
}): string {
  const serviceReference = {
    html_url: `${pagerdutyAccount}/service-directory/${options.serviceId}`,
    id: options.serviceId,
    self: `https://api.pagerduty.com/services/${options.serviceId}`,
    summary: "fraud-scorer",
    type: "service_reference",
  };
  return JSON.stringify({
    event: {
      id: options.eventId,
      event_type: options.eventType,
      resource_type: "incident",
      occurred_at: new Date(options.occurredAt).toISOString(),
      agent: null,
      client: { name: "Prometheus" },
      data: {
        id: options.incidentId,
        type: "incident",
        self: `https://api.pagerduty.com/incidents/${options.incidentId}`,
        html_url: `${pagerdutyAccount}/incidents/${options.incidentId}`,
        number: 812,
        status: options.status,
        incident_key: "6f1c0a2be0d94e3f9d7f61b0d2c8a5e4",
        created_at: new Date(options.occurredAt).toISOString(),
        title: options.title,
        service: serviceReference,
        priority: {
          html_url: `${pagerdutyAccount}/account/incident_priorities`,
          id: "PPRI001",
          self: "https://api.pagerduty.com/priorities/PPRI001",
          summary: "P1",
          type: "priority_reference",
        },
        urgency: "high",
        resolve_reason: null,
      },
    },
  });
}

/** An Alertmanager webhook notification (version "4"), in the documented shape. */
function alertmanagerNotification(status: "firing" | "resolved", alerts: Record<string, unknown>[]) {
  return {
    version: "4",
    groupKey: '{}:{team="ml-platform"}',
    truncatedAlerts: 0,
    status,
    receiver: "maturity",
    groupLabels: { team: "ml-platform" },
    commonLabels: { team: "ml-platform" },
    commonAnnotations: {},
    externalURL: "https://alertmanager.example.org",
    alerts,
  };
}

interface StoredRow {
  event_id: string;
  type: string;
  system_id: string;
  payload: string;
}

interface Stored {
  eventId: string;
  type: string;
  systemId: string;
  event: { subject: string; time: string; unmappedref?: string; data: Record<string, unknown> };
}

/** The stored events of one source, in store order. */
async function storedEvents(platform: RunningPlatform, source: string): Promise<Stored[]> {
  const rows = rowsOf<StoredRow>(
    await platform.database.db.execute(
      sql`select event_id, type, system_id, payload::text as payload from events where source = ${source} order by seq`,
    ),
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    type: row.type,
    systemId: row.system_id,
    event: JSON.parse(row.payload) as Stored["event"],
  }));
}

/** How many times the store holds the event (source, id): the CloudEvents identity. */
async function countStored(platform: RunningPlatform, source: string, eventId: string): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(
    await platform.database.db.execute(
      sql`select count(*)::int as count from events where source = ${source} and event_id = ${eventId}`,
    ),
  );
  return Number(row?.count ?? 0);
}

const paths = platformPaths("incident-webhooks");

describe.each(paths)("incident webhooks, $path", ({ prepare }) => {
  let platform: RunningPlatform;
  let cleanup: (() => Promise<void>) | undefined;
  // Every time is relative to the start, so all of it is inside the scoring windows.
  const now = Date.now();
  const deployedAt = now - 5 * hourMs;
  const triggeredAt = now - 3 * hourMs;
  const resolvedAt = triggeredAt + 1.75 * hourMs;
  const pagerdutyRecoveryHours = (resolvedAt - triggeredAt) / hourMs;
  const client = () => trpcClientFor(platform.url);

  const incidentId = "Q3FR7KD";
  const triggeredId = "01HQ3ZK8V6N4T2W9B7C5D1E0FA";
  const resolvedEventId = "01HQ3ZK8V6N4T2W9B7C5D1E0FB";
  const acknowledgedId = "01HQ3ZK8V6N4T2W9B7C5D1E0FC";
  const forgedIds = ["01HQ3ZK8V6N4T2W9B7C5D1E0FD", "01HQ3ZK8V6N4T2W9B7C5D1E0FE"];
  const title = `Fraud scorer accuracy regression after deploy:${deploymentId}`;
  const delivery = (eventId: string, eventType: string, occurredAt: number, status: string) =>
    pagerdutyDelivery({
      eventId,
      eventType,
      occurredAt,
      incidentId,
      serviceId: fraudService,
      title,
      status,
    });
  const triggered = delivery(triggeredId, "incident.triggered", triggeredAt, "triggered");

  beforeAll(async () => {
    const prepared = await prepare();
    cleanup = prepared.cleanup;
    platform = await startPlatform({
      ...prepared.config,
      ingest: {
        ...defaultIngestConfig,
        tokens: [ingestToken],
        bearerAuth: true,
        pagerdutyWebhookSecrets: [oldSecret, newSecret],
        alertmanagerIncidentSeverities: ["critical"],
      },
    });
  });
  afterAll(async () => {
    await platform?.close();
    await cleanup?.();
  });

  it("registers the system (claiming PagerDuty service PFRAUD1) and its production deploy", async () => {
    const registered = cloudEvent(
      "register-fraud-detection",
      "catalog.system.registered",
      now - 24 * hourMs,
      {
        name: "Fraud detection",
        team: "risk",
        kind: "classical",
        riskTier: "high",
        sources: { services: [fraudService] },
      },
    );
    const deployed = cloudEvent("deploy-fraud-v7", "deploy.completed", deployedAt, {
      deploymentId,
      version: "fraud-xgb:7",
      environment: "production",
      strategy: "canary",
      gatedByEval: true,
      automated: true,
      status: "succeeded",
    });
    // The bearer routes are closed without the token.
    const anonymous = await postEvent(platform.url, registered, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toBe("unauthorized");

    for (const event of [registered, deployed]) {
      const answer = await postEvent(platform.url, event);
      expect(answer.status).toBe(202);
      expect(answer.body.accepted).toEqual([
        { id: event.id, source: testSource, type: event.type, subject: systemId },
      ]);
    }
    const systems = await eventually(
      () => client().systems.list.query(),
      (rows) => rows.some((row) => row.systemId === systemId && row.eventCount === 2),
      waitMs,
    );
    expect(systems.find((row) => row.systemId === systemId)).toMatchObject({
      name: "Fraud detection",
      team: "risk",
      riskTier: "high",
    });
    // The catalogue maps the service to the system before any delivery names it.
    const mappings = await eventually(
      () => listSourceMappings(platform.database.db),
      (map) => map.has(`service:${fraudService}`),
      waitMs,
    );
    expect(mappings.get(`service:${fraudService}`)).toBe(systemId);
  });

  it("stores PagerDuty deliveries signed with either secret, once each; refuses forged ones; ignores the rest", async () => {
    const opened = await postPagerduty(platform.url, triggered, pagerdutySignature(newSecret, triggered));
    expect(opened.status).toBe(202);
    expect(opened.body.accepted).toEqual([
      { id: triggeredId, source: pagerdutySource, type: "incident.opened", subject: systemId },
    ]);

    // PagerDuty signing with two secrets at once: one wrong signature, one by the old secret.
    const resolved = delivery(resolvedEventId, "incident.resolved", resolvedAt, "resolved");
    const twoSignatures = `${pagerdutySignature("a-secret-nobody-configured", resolved)}, ${pagerdutySignature(oldSecret, resolved)}`;
    const resolvedAnswer = await postPagerduty(platform.url, resolved, twoSignatures);
    expect(resolvedAnswer.status).toBe(202);
    expect(resolvedAnswer.body.accepted).toEqual([
      { id: resolvedEventId, source: pagerdutySource, type: "incident.resolved", subject: systemId },
    ]);

    // Forged: signed with a secret not configured, and a genuine signature over another body.
    const forged = delivery(forgedIds[0]!, "incident.triggered", triggeredAt, "triggered");
    const forgedAnswer = await postPagerduty(platform.url, forged, pagerdutySignature("guessed", forged));
    expect(forgedAnswer.status).toBe(401);
    expect(forgedAnswer.body).toMatchObject({
      error: "unauthorized",
      message: expect.stringContaining("does not match"),
    });
    const tampered = delivery(forgedIds[1]!, "incident.triggered", triggeredAt, "triggered");
    const tamperedAnswer = await postPagerduty(
      platform.url,
      tampered,
      pagerdutySignature(newSecret, triggered),
    );
    expect(tamperedAnswer.status).toBe(401);
    const unsigned = await postPagerduty(platform.url, tampered, "");
    expect(unsigned.status).toBe(401);

    const acknowledged = delivery(
      acknowledgedId,
      "incident.acknowledged",
      triggeredAt + 10 * minuteMs,
      "acknowledged",
    );
    const acknowledgedAnswer = await postPagerduty(
      platform.url,
      acknowledged,
      pagerdutySignature(newSecret, acknowledged),
    );
    expect(acknowledgedAnswer.status).toBe(200);
    expect(acknowledgedAnswer.body).toEqual({
      accepted: [],
      ignored: expect.stringContaining("incident.acknowledged"),
    });

    // PagerDuty redelivers the triggered event: the same id, so it is stored once.
    const again = await postPagerduty(platform.url, triggered, pagerdutySignature(newSecret, triggered));
    expect(again.status).toBe(202);
    expect(again.body.accepted).toEqual(opened.body.accepted);

    // A marker on the system's key behind them all: once it is stored, so is everything before it.
    const marker = cloudEvent("marker-after-pagerduty", "gov.owner.assigned", now - 30 * minuteMs, {
      owner: "dana",
    });
    expect((await postEvent(platform.url, marker)).status).toBe(202);
    await eventually(
      () => countStored(platform, testSource, marker.id),
      (count) => count === 1,
      waitMs,
    );
    expect(await countStored(platform, pagerdutySource, triggeredId)).toBe(1);
    expect(await countStored(platform, pagerdutySource, resolvedEventId)).toBe(1);
    expect(await countStored(platform, pagerdutySource, acknowledgedId)).toBe(0);
    for (const id of forgedIds) expect(await countStored(platform, pagerdutySource, id)).toBe(0);

    const stored = await storedEvents(platform, pagerdutySource);
    expect(stored.map((row) => [row.eventId, row.type, row.systemId])).toEqual([
      [triggeredId, "incident.opened", systemId],
      [resolvedEventId, "incident.resolved", systemId],
    ]);
    expect(stored[0]!.event.data).toEqual({
      incidentId,
      severity: 1,
      kind: "quality_regression",
      deploymentId,
    });
    expect(Date.parse(stored[0]!.event.time)).toBe(triggeredAt);
    expect(stored[1]!.event.data).toEqual({ incidentId });
    expect(Date.parse(stored[1]!.event.time)).toBe(resolvedAt);
  });

  it("shows the incident under the system, and its recovery and the failed deploy in the report", async () => {
    const events = await client().systems.latestEvents.query({ systemId, limit: 50 });
    const incident = events.find((event) => event.type === "incident.opened");
    expect(incident).toMatchObject({ source: pagerdutySource, eventId: triggeredId, systemId });
    expect((incident!.payload as { data: unknown }).data).toMatchObject({
      incidentId,
      severity: 1,
      deploymentId,
    });

    const answer = await eventually(
      () => client().system.report.query({ systemId }),
      (current) => current.report.metrics.timeToRecoveryHours.p50 !== null,
      waitMs,
    );
    const { metrics } = answer.report;
    expect(metrics.timeToRecoveryHours.p50).toBeCloseTo(pagerdutyRecoveryHours, 9);
    expect(pagerdutyRecoveryHours).toBe(1.75);
    // The one production deploy is named by the incident within 7 days: it failed.
    expect(metrics.changeFailureRate).toBeGreaterThan(0);
    expect(metrics.changeFailureRate).toBe(1);
  });

  it("keeps an incident of a service no system claims under an unmapped subject, listed as unmapped", async () => {
    const orphanEventId = "01HQ3ZK8V6N4T2W9B7C5D1E0FF";
    const orphan = pagerdutyDelivery({
      eventId: orphanEventId,
      eventType: "incident.triggered",
      occurredAt: now - 2 * hourMs,
      incidentId: "Q9UNKN0",
      serviceId: unknownService,
      title: "Checkout latency high",
      status: "triggered",
    });
    const answer = await postPagerduty(platform.url, orphan, pagerdutySignature(oldSecret, orphan));
    expect(answer.status).toBe(202);
    const unmappedSubject = `unmapped:service:${unknownService}`;
    expect(answer.body.accepted).toEqual([
      { id: orphanEventId, source: pagerdutySource, type: "incident.opened", subject: unmappedSubject },
    ]);

    const unmapped = await eventually(
      () => client().sources.unmapped.query(),
      (rows) => rows.some((row) => row.ref === `service:${unknownService}`),
      waitMs,
    );
    expect(unmapped).toEqual([
      expect.objectContaining({ ref: `service:${unknownService}`, eventCount: 1, mappedTo: null }),
    ]);
    const stored = (await storedEvents(platform, pagerdutySource)).filter(
      (row) => row.eventId === orphanEventId,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: "incident.opened", systemId: unmappedSubject });
    expect(stored[0]!.event).toMatchObject({
      subject: unmappedSubject,
      unmappedref: `service:${unknownService}`,
      data: { incidentId: "Q9UNKN0", severity: 1, kind: "outage" },
    });
    // Not the system's: its recovery time is still the PagerDuty incident's alone.
    const report = await client().system.report.query({ systemId });
    expect(report.report.metrics.timeToRecoveryHours.p50).toBeCloseTo(pagerdutyRecoveryHours, 9);
  });

  describe("Alertmanager", () => {
    const startsAt = now - 50 * minuteMs;
    const endsAt = now - 20 * minuteMs;
    const driftFingerprint = "5d1c9e8f4a2b7c30";
    const latencyFingerprint = "a0b1c2d3e4f50617";
    const iso = (time: number) => new Date(time).toISOString();
    const driftKey = `${driftFingerprint}@${iso(startsAt)}`;
    const latencyKey = `${latencyFingerprint}@${iso(startsAt)}`;
    const alertIncidentId = `alertmanager:${driftKey}`;
    const drift = {
      labels: { alertname: "FraudScorerFeatureDrift", severity: "critical", service: fraudService },
      annotations: { summary: "PSI of merchant_category above 0.25 for 30 minutes" },
      startsAt: iso(startsAt),
      generatorURL: "https://prometheus.example.org/graph?g0.expr=feature_psi",
      fingerprint: driftFingerprint,
    };
    const latency = {
      labels: { alertname: "FraudScorerHighLatency", severity: "warning", maturity_system: systemId },
      annotations: { summary: "p99 inference latency above 400 ms" },
      startsAt: iso(startsAt),
      generatorURL: "https://prometheus.example.org/graph?g0.expr=inference_p99",
      fingerprint: latencyFingerprint,
    };
    const goZeroTime = "0001-01-01T00:00:00Z";
    const firing = alertmanagerNotification("firing", [
      { status: "firing", ...drift, endsAt: goZeroTime },
      { status: "firing", ...latency, endsAt: goZeroTime },
    ]);
    const resolved = alertmanagerNotification("resolved", [
      { status: "resolved", ...drift, endsAt: iso(endsAt) },
      { status: "resolved", ...latency, endsAt: iso(endsAt) },
    ]);

    it("refuses a missing or wrong bearer token (401) and stores nothing", async () => {
      const wrong = await postAlertmanager(platform.url, firing, "not-the-token");
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toBe("unauthorized");
      const missing = await postAlertmanager(platform.url, firing, null);
      expect(missing.status).toBe(401);
      // Checked again once the accepted notification below is stored.
      expect(await storedEvents(platform, alertmanagerSource)).toEqual([]);
    });

    it("refuses an alert without its fingerprint (400, naming alerts.0.fingerprint) and stores nothing", async () => {
      const { fingerprint: _dropped, ...withoutFingerprint } = {
        status: "firing",
        ...drift,
        endsAt: goZeroTime,
      };
      const bad = alertmanagerNotification("firing", [
        { ...withoutFingerprint, startsAt: iso(startsAt - 5 * minuteMs) },
        { status: "firing", ...latency, fingerprint: "ffffffffffffffff", endsAt: goZeroTime },
      ]);
      const answer = await postAlertmanager(platform.url, bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_payload");
      expect(answer.body.message).toContain("alerts.0.fingerprint");
      expect(answer.body.issues).toEqual([expect.objectContaining({ path: "alerts.0.fingerprint" })]);
      expect(await storedEvents(platform, alertmanagerSource)).toEqual([]);
    });

    it("stores a fired alert for each firing alert and opens an incident for the critical one", async () => {
      const answer = await postAlertmanager(platform.url, firing);
      expect(answer.status).toBe(202);
      expect(answer.body.skipped).toBeUndefined();
      expect(answer.body.accepted).toEqual([
        { id: driftKey, source: alertmanagerSource, type: "monitor.alert.fired", subject: systemId },
        { id: `${driftKey}:opened`, source: alertmanagerSource, type: "incident.opened", subject: systemId },
        { id: latencyKey, source: alertmanagerSource, type: "monitor.alert.fired", subject: systemId },
      ]);

      const stored = await eventually(
        () => storedEvents(platform, alertmanagerSource),
        (rows) => rows.length >= 3,
        waitMs,
      );
      expect(stored.map((row) => [row.eventId, row.type, row.systemId]).sort()).toEqual(
        [
          [driftKey, "monitor.alert.fired", systemId],
          [`${driftKey}:opened`, "incident.opened", systemId],
          [latencyKey, "monitor.alert.fired", systemId],
        ].sort(),
      );
      expect(stored.filter((row) => row.type === "monitor.alert.fired")).toHaveLength(2);
      const byId = new Map(stored.map((row) => [row.eventId, row.event]));
      expect(byId.get(driftKey)!.data).toEqual({ signal: "drift", severity: 1 });
      expect(byId.get(latencyKey)!.data).toEqual({ signal: "latency", severity: 3 });
      expect(byId.get(`${driftKey}:opened`)!.data).toEqual({
        incidentId: alertIncidentId,
        severity: 1,
        kind: "quality_regression",
      });
      expect(Date.parse(byId.get(`${driftKey}:opened`)!.time)).toBe(startsAt);
    });

    it("resolves the incident with the same incidentId when the group resolves, storing repeats once", async () => {
      const answer = await postAlertmanager(platform.url, resolved);
      expect(answer.status).toBe(202);
      expect(answer.body.accepted?.map((event) => [event.id, event.type])).toEqual([
        [driftKey, "monitor.alert.fired"],
        [`${driftKey}:opened`, "incident.opened"],
        [`${driftKey}:resolved`, "incident.resolved"],
        [latencyKey, "monitor.alert.fired"],
      ]);

      const stored = await eventually(
        () => storedEvents(platform, alertmanagerSource),
        (rows) => rows.some((row) => row.type === "incident.resolved"),
        waitMs,
      );
      const resolution = stored.find((row) => row.type === "incident.resolved")!;
      expect(resolution).toMatchObject({ eventId: `${driftKey}:resolved`, systemId });
      expect(resolution.event.data).toEqual({ incidentId: alertIncidentId });
      expect(Date.parse(resolution.event.time)).toBe(endsAt);
      const opening = stored.find((row) => row.type === "incident.opened")!;
      expect(opening.event.data.incidentId).toBe(resolution.event.data.incidentId);

      // The repeated events share their firing's ids: each is stored once, and nothing refused was.
      for (const id of [driftKey, `${driftKey}:opened`, `${driftKey}:resolved`, latencyKey])
        expect(await countStored(platform, alertmanagerSource, id)).toBe(1);
      expect(stored).toHaveLength(4);
      expect(stored.some((row) => row.eventId.startsWith("ffffffffffffffff"))).toBe(false);

      // Two recovered incidents now: the median of the PagerDuty one's and this one's.
      const alertRecoveryHours = (endsAt - startsAt) / hourMs;
      const report = await eventually(
        () => client().system.report.query({ systemId }),
        (current) =>
          Math.abs(
            (current.report.metrics.timeToRecoveryHours.p50 ?? 0) -
              (pagerdutyRecoveryHours + alertRecoveryHours) / 2,
          ) < 1e-9,
        waitMs,
      );
      // Alertmanager incidents name no deploy: the failure rate is still the PagerDuty one's.
      expect(report.report.metrics.changeFailureRate).toBe(1);
    });
  });
});
