// The hostile-input corpus (test/hostile-corpus.ts) against the whole platform, embedded and
// distributed: every input is refused with a 4xx naming the field, or accepted and applied (OTLP:
// refused spans reported through partialSuccess, the rest applied). After each one a canary event
// must be applied within seconds and /readyz must answer 200; at the end nothing may be
// dead-lettered (what ingest accepts, the worker must be able to apply). Plus: hostile records
// written straight to the embedded log, as an older version could have, are dead-lettered by the
// worker and do not stop it.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { countDeadLetters, listDeadLetters, verifyChain } from "@maturity/db";
import type { ScratchDatabase } from "@maturity/db/testing";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import { kafkaAvailable, testKafkaBrokers as kafkaBrokers } from "@maturity/log/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributedConfig } from "../../test/distributed-config.ts";
import { embeddedConfig } from "../../test/embedded-config.ts";
import {
  atOffset,
  buildHostileCorpus,
  canaryEvent,
  corpusIngestConfig,
  corpusSecrets,
  namesField,
  nestedJson,
  pollUntil,
  storedCount,
  storedPayloads,
  withDataJson,
  type HostileEntry,
  type HostileRequest,
} from "../../test/hostile-corpus.ts";
import type { RunningPlatform } from "./platform.ts";
import { startPlatform } from "./platform.ts";

/** How long a canary (or an accepted event) may take to be applied once the pipeline is warm. */
const appliedWithinMs = 5_000;

const runKafka = await kafkaAvailable();

async function send(baseUrl: string, request: HostileRequest) {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: "POST",
    headers: request.headers,
    body: typeof request.body === "string" ? request.body : new Uint8Array(request.body),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

function describeResponse(response: { status: number; body: Record<string, unknown> }): string {
  return `${response.status} ${JSON.stringify(response.body).slice(0, 600)}`;
}

const bearer = { authorization: `Bearer ${corpusSecrets.bearerToken}` };

async function postCanary(platform: RunningPlatform, id: string): Promise<void> {
  const canary = canaryEvent(id);
  const response = await send(platform.url, {
    path: "/v1/events",
    headers: { "content-type": "application/cloudevents+json", ...bearer },
    body: JSON.stringify(canary),
  });
  expect(response.status, `the canary was refused: ${describeResponse(response)}`).toBe(202);
}

/** The canary is stored within `timeoutMs`, and /readyz answers 200. */
async function expectCanaryApplied(platform: RunningPlatform, id: string, timeoutMs = appliedWithinMs) {
  await postCanary(platform, id);
  const stored = await pollUntil(
    () => storedCount(platform.database.db, { source: canaryEvent(id).source, id }),
    (count) => count === 1,
    timeoutMs,
  );
  expect(stored.ok, `canary ${id} not applied within ${timeoutMs} ms`).toBe(true);
  const ready = await fetch(`${platform.url}/readyz`);
  const readyBody = await ready.text();
  expect(ready.status, `/readyz: ${readyBody}`).toBe(200);
}

async function deadLetterTotal(platform: RunningPlatform): Promise<number> {
  const counts = await countDeadLetters(platform.database.db);
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

type Accepted = { id: string; source: string }[];

async function expectStored(platform: RunningPlatform, accepted: Accepted, entry: HostileEntry) {
  for (const event of accepted) {
    const stored = await pollUntil(
      () => storedCount(platform.database.db, event),
      (count) => count === 1,
      appliedWithinMs,
    );
    const deadLetters = await listDeadLetters(platform.database.db, { includeRedriven: true });
    expect(
      stored.ok,
      `${entry.name}: ingest accepted (${event.source}, ${event.id.slice(0, 80)}) but it was not applied within ${appliedWithinMs} ms; dead letters: ${JSON.stringify(
        deadLetters.map((row) => ({ kind: row.reasonKind, reason: row.reason, id: row.eventId })),
      ).slice(0, 1_000)}`,
    ).toBe(true);
  }
}

/** Sends one entry and checks its outcome, then the canary, /readyz and the dead letters. */
async function runEntry(platform: RunningPlatform, entry: HostileEntry, canaryId: string): Promise<void> {
  const response = await send(platform.url, entry.request);
  const seen = describeResponse(response);
  expect(response.status, `5xx for ${entry.name}: ${seen}`).toBeLessThan(500);
  const expected = entry.expected;
  if ("refused" in expected) {
    expect(response.status, seen).toBe(expected.refused.status);
    expect(
      namesField(response.body, expected.refused.field),
      `does not name ${expected.refused.field}: ${seen}`,
    ).toBe(true);
  } else if ("accepted" in expected) {
    expect(response.status, seen).toBeGreaterThanOrEqual(200);
    expect(response.status, seen).toBeLessThan(300);
    const accepted = (response.body.accepted ?? []) as Accepted;
    if (expected.events !== undefined) expect(accepted, seen).toHaveLength(expected.events);
    else expect(accepted.length, seen).toBeGreaterThan(0);
    await expectStored(platform, accepted, entry);
    if (expected.stored !== undefined) {
      const [payload] = await storedPayloads(platform.database.db, accepted[0]!);
      expect(payload, `${entry.name}: the stored event`).toMatchObject(expected.stored);
    }
  } else {
    expect(response.status, seen).toBe(200);
    const partial = response.body.partialSuccess as { rejectedSpans?: number } | undefined;
    expect(partial?.rejectedSpans, seen).toBe(expected.partial.rejectedSpans);
    expect(
      namesField(response.body, expected.partial.field),
      `does not name ${expected.partial.field}: ${seen}`,
    ).toBe(true);
    const accepted = (response.body.accepted ?? []) as Accepted;
    expect(accepted.length, `the well-formed spans of the export were not kept: ${seen}`).toBeGreaterThan(0);
    await expectStored(platform, accepted, entry);
  }

  await expectCanaryApplied(platform, canaryId);
  // A key the store could not hold (NUL, a lone surrogate) cannot be looked up either, nor stored.
  const storable = (text: string) => !text.includes("\u0000") && !/\p{Cs}/u.test(text);
  for (const key of (entry.mustNotStore ?? []).filter((key) => storable(key.source) && storable(key.id))) {
    expect(await storedCount(platform.database.db, key), `${entry.name}: refused, yet stored`).toBe(0);
  }
  const deadLetters = await listDeadLetters(platform.database.db, { includeRedriven: true });
  expect(
    deadLetters.map((row) => `${row.reasonKind}: ${row.reason.slice(0, 300)} (${row.eventId?.slice(0, 80)})`),
    `${entry.name} left dead letters`,
  ).toEqual([]);
}

/** The corpus against one platform: one test per entry, then the final dead-letter check. */
function corpusSuite(mode: string, platformOf: () => RunningPlatform, tag: string) {
  const corpus = buildHostileCorpus({ tag });
  let canaries = 0;

  it.each(corpus.map((entry) => ({ ...entry, label: `${entry.route}: ${entry.name}` })))(
    `${mode}: $label`,
    async (entry) => {
      canaries += 1;
      await runEntry(platformOf(), entry, `${tag}-canary-${canaries}`);
    },
  );

  it(`${mode}: dead-letters nothing that ingest accepted, and every hash chain holds`, async () => {
    expect(await listDeadLetters(platformOf().database.db, { includeRedriven: true })).toEqual([]);
    expect(await deadLetterTotal(platformOf())).toBe(0);
    // What was accepted, however odd, reads back from the store exactly as it was hashed.
    const chains = await verifyChain(platformOf().database.db);
    expect(chains.broken).toBeUndefined();
    expect(chains.events).toBeGreaterThan(0);
  });
}

describe("the hostile-input corpus", () => {
  const corpus = buildHostileCorpus({ tag: "shape" });

  it("has at least 40 inputs over every class and every route, refused and accepted", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((entry) => entry.class))).toEqual(
      new Set(["string", "time", "key-length", "nesting", "size", "number"]),
    );
    expect(new Set(corpus.map((entry) => entry.route))).toEqual(
      new Set([
        "cloudevents-structured",
        "cloudevents-binary",
        "cloudevents-batch",
        "github",
        "gitlab",
        "mlflow",
        "otlp",
        "openlineage",
        "kueue",
        "pagerduty",
        "alertmanager",
      ]),
    );
    for (const route of new Set(corpus.map((entry) => entry.route))) {
      const ofRoute = corpus.filter((entry) => entry.route === route);
      expect(
        ofRoute.some((entry) => !("accepted" in entry.expected)),
        `${route} has a refused input`,
      ).toBe(true);
      expect(
        ofRoute.some((entry) => "accepted" in entry.expected),
        `${route} has an accepted input`,
      ).toBe(true);
    }
    expect(new Set(corpus.map((entry) => `${entry.route}: ${entry.name}`)).size).toBe(corpus.length);
  });
});

describe("hostile inputs against the embedded platform", () => {
  let dataDir: string;
  let platform: RunningPlatform;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-hostile-"));
    platform = await startPlatform({ ...embeddedConfig(dataDir), ingest: corpusIngestConfig() });
    await expectCanaryApplied(platform, "embedded-warm-up", 30_000);
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  corpusSuite("embedded", () => platform, `emb-${randomBytes(3).toString("hex")}`);
});

describe.skipIf(!runKafka)("hostile inputs against the distributed platform (Postgres + Kafka)", () => {
  let scratch: ScratchDatabase;
  let platform: RunningPlatform;
  const suffix = randomBytes(4).toString("hex");

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    platform = await startPlatform({
      ...distributedConfig(scratch.url, kafkaBrokers, `hostile-${suffix}`),
      ingest: corpusIngestConfig(),
    });
    // The consumer group's first join takes a while; after it, canaries have seconds.
    await expectCanaryApplied(platform, "distributed-warm-up", 60_000);
  });

  afterAll(async () => {
    await platform?.close();
    await scratch?.drop();
  });

  corpusSuite("distributed", () => platform, `dst-${suffix}`);
});

describe("hostile records written straight to the embedded log (as by an older version)", () => {
  let dataDir: string;
  let platform: RunningPlatform | undefined;

  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("dead-letters them as invalid_event, applies what follows, and stays ready", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-hostile-log-"));
    const now = new Date();
    const recent = new Date(now.getTime() - 3_600_000);
    const event = (id: string) => ({
      specversion: "1.0",
      id,
      source: "test://older-version",
      type: "gov.owner.assigned",
      time: recent.toISOString(),
      subject: "hostile-log-system",
      datacontenttype: "application/json",
      data: { owner: "alice" },
    });
    const before = event("log-good-before");
    const deep = withDataJson(event("log-deep-1000"), nestedJson(1_000));
    const offset = JSON.stringify({ ...event("log-offset-16"), time: atOffset(recent, "+16:00") });
    const deeper = withDataJson(event("log-deep-10000"), nestedJson(10_000));
    const nul = JSON.stringify(event("log-nul")).replace('"alice"', '"ali\\u0000ce"');
    const after = event("log-good-after");
    const records = [JSON.stringify(before), deep, offset, deeper, nul, JSON.stringify(after)];
    await mkdir(path.join(dataDir, "log"), { recursive: true });
    await writeFile(
      path.join(dataDir, "log", "events.ndjson"),
      records
        .map((value) => `${JSON.stringify({ key: "hostile-log-system", value, at: now.getTime() })}\n`)
        .join(""),
    );

    platform = await startPlatform({ ...embeddedConfig(dataDir), ingest: corpusIngestConfig() });
    const db = platform.database.db;
    const parked = await pollUntil(
      () => listDeadLetters(db, { includeRedriven: true }),
      (rows) => rows.length >= 4,
      30_000,
    );
    expect(parked.ok, JSON.stringify(parked.value.map((row) => row.eventId))).toBe(true);
    const byId = new Map(parked.value.map((row) => [row.eventId, row]));
    expect([...byId.keys()].sort()).toEqual(["log-deep-1000", "log-deep-10000", "log-nul", "log-offset-16"]);
    for (const row of parked.value) expect(row.reasonKind, row.reason).toBe("invalid_event");
    expect(byId.get("log-deep-1000")!.reason).toMatch(/deeper than 64 levels/);
    expect(byId.get("log-offset-16")!.reason).toMatch(/^time: .*±14:00/);
    expect(byId.get("log-nul")!.reason).toMatch(/^data\.owner: .*NUL/);
    // The raw record is kept whole, for a re-drive after a fix.
    expect(byId.get("log-deep-1000")!.value).toBe(deep);

    // The good records around them were applied; so is a canary sent after the start.
    for (const good of [before, after]) {
      expect(await storedCount(db, { source: good.source, id: good.id }), good.id).toBe(1);
    }
    await expectCanaryApplied(platform, "log-canary", 10_000);
    expect(await deadLetterTotal(platform)).toBe(4);
  });
});
