// Ingest's fuzz suite (apps/ingest/src/fuzz.test.ts) checks that no fuzzed delivery gets a 5xx.
// This one follows the deliveries through the worker on the embedded platform: every event ingest
// answered 2xx for must be stored (by source and id), nothing may be dead-lettered (what ingest
// accepts, the worker must be able to apply), and /readyz must stay 200. Same generators, same
// real seeds; FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<n> changes the deliveries per endpoint.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { listDeadLetters } from "@maturity/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fuzzEndpoints,
  sampleEndpointBodies,
  type FuzzEndpoint,
} from "../../../ingest/test/fuzz-arbitraries.ts";
import { embeddedConfig } from "../../test/embedded-config.ts";
import {
  canaryEvent,
  corpusIngestConfig,
  corpusSecrets,
  pollUntil,
  storedCount,
  type EventKey,
} from "../../test/hostile-corpus.ts";
import type { RunningPlatform } from "./platform.ts";
import { startPlatform } from "./platform.ts";

/** Deliveries per endpoint: enough for a mix of accepted and refused ones, quick on the platform. */
const runsPerEndpoint = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? randomBytes(4).readUInt32BE() % 2 ** 31);
const tag = randomBytes(3).toString("hex");

/**
 * Where an endpoint takes its event ids from the body, they are made unique per delivery with a
 * prefix inserted at the start of the id string: the text stays as generated otherwise, and every
 * accepted event is a new one the worker must store (not a duplicate of an earlier delivery).
 */
const idFields: Record<string, string[]> = {
  "POST /v1/events (structured)": ['"id":"'],
  "POST /v1/events (batch)": ['"id":"'],
  "POST /v1/otlp/v1/traces": ['"traceId":"'],
  "POST /v1/lineage": ['"runId":"'],
  "POST /v1/webhooks/kueue": ['"uid":"'],
};

function withUniqueIds(endpoint: FuzzEndpoint, body: string, unique: string): string {
  return (idFields[endpoint.name] ?? []).reduce(
    (text, field) => text.replaceAll(field, () => `${field}${unique}-`),
    body,
  );
}

describe(`fuzzed deliveries through ingest and the worker (embedded platform, FUZZ_SEED=${seed})`, () => {
  let dataDir: string;
  let platform: RunningPlatform;
  const endpoints = fuzzEndpoints(corpusSecrets);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-fuzz-applied-"));
    platform = await startPlatform({ ...embeddedConfig(dataDir), ingest: corpusIngestConfig() });
  });

  afterAll(async () => {
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each(endpoints.map((endpoint, index) => ({ ...endpoint, index })))(
    "$name: every event answered 2xx is applied, none is dead-lettered",
    async (endpoint) => {
      const accepted = new Map<string, EventKey & { body: string }>();
      const statuses = new Map<number, number>();
      const samples = sampleEndpointBodies(endpoint, runsPerEndpoint, seed + endpoint.index);
      for (const [run, [hint, generated]] of samples.entries()) {
        const unique = `${tag}-${endpoint.index}-${run}`;
        const body = withUniqueIds(endpoint, generated, unique);
        const { url, headers } = endpoint.request(body, hint, { deliveryId: unique, now: new Date() });
        const response = await fetch(`${platform.url}${url}`, { method: "POST", headers, body });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(
          response.status,
          `${response.status} ${text.slice(0, 300)} for ${body.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (response.status >= 200 && response.status < 300) {
          const listed = (JSON.parse(text) as { accepted?: EventKey[] }).accepted ?? [];
          for (const event of listed) {
            accepted.set(JSON.stringify([event.source, event.id]), {
              source: event.source,
              id: event.id,
              body,
            });
          }
        }
      }
      const summary = [...statuses].map(([status, count]) => `${status}×${count}`).join(" ");
      // The mutations reach the mappers: some deliveries produce events, some are refused.
      expect(accepted.size, `no delivery produced an event (${summary})`).toBeGreaterThan(0);
      expect(statuses.get(400) ?? 0, `no delivery was refused (${summary})`).toBeGreaterThan(0);

      // A canary behind them: once it is stored, the worker is past this endpoint's deliveries
      // (the embedded log is one ordered partition).
      const canaryId = `fuzz-canary-${tag}-${endpoint.index}`;
      const canary = canaryEvent(canaryId);
      const posted = await fetch(`${platform.url}/v1/events`, {
        method: "POST",
        headers: {
          "content-type": "application/cloudevents+json",
          authorization: `Bearer ${corpusSecrets.bearerToken}`,
        },
        body: JSON.stringify(canary),
      });
      expect(posted.status).toBe(202);
      const canaryStored = await pollUntil(
        () => storedCount(platform.database.db, { source: canary.source, id: canaryId }),
        (count) => count === 1,
        20_000,
      );
      expect(canaryStored.ok, "the canary after the fuzzed deliveries was not applied").toBe(true);

      const deadLetters = await listDeadLetters(platform.database.db, { includeRedriven: true });
      expect(
        deadLetters.map(
          (row) => `${row.reasonKind}: ${row.reason.slice(0, 300)} — ${row.value.slice(0, 300)}`,
        ),
        "accepted by ingest, then dead-lettered by the worker",
      ).toEqual([]);
      const missing: string[] = [];
      for (const event of accepted.values()) {
        // Telemetry is kept per (source, id, time): a batch may carry one id at two times.
        if ((await storedCount(platform.database.db, event)) < 1) {
          missing.push(`(${event.source}, ${event.id}) from ${event.body.slice(0, 300)}`);
        }
      }
      expect(missing, "answered 2xx but not stored").toEqual([]);

      const ready = await fetch(`${platform.url}/readyz`);
      expect(ready.status, await ready.text()).toBe(200);
    },
  );
});
