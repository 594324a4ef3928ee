// Property-based fuzzing of every endpoint: random JSON and mutations of real payloads, signed or
// authenticated correctly so they reach the parsers. Nothing may answer 5xx or crash the process.
// The generators live in test/fuzz-arbitraries.ts; the platform's fuzz suite
// (apps/web/src/server/fuzz-applied.int.test.ts) sends the same through the worker.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpointBody, fuzzEndpoints } from "../test/fuzz-arbitraries.ts";
import { bearer, startHarness, testTokens, type Harness } from "../test/harness.ts";

const secrets = { github: "gh", gitlab: "gl", mlflow: "ml" };
const now = new Date("2026-03-01T12:00:00Z");
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    config: {
      bearerAuth: true,
      tokens: testTokens,
      bodyLimitBytes: 256 * 1024,
      githubWebhookSecret: secrets.github,
      gitlabWebhookToken: secrets.gitlab,
      mlflowWebhookSecret: secrets.mlflow,
      llmPrices: { "gpt-4o": { inputPer1k: 0.0025, outputPer1k: 0.01 } },
    },
    clock: () => now,
    resolveSystem: (ref) => (ref.id.length % 2 === 0 ? `system-${ref.kind}` : undefined),
  });
});
afterAll(async () => {
  await harness.close();
});

const endpoints = fuzzEndpoints({ ...secrets, bearerToken: testTokens[0]! }).map((endpoint) => ({
  ...endpoint,
  send: (body: string, hint: string) => {
    const { url, headers } = endpoint.request(body, hint, { deliveryId: "fuzz", now });
    return harness.app.inject({ method: "POST", url, headers, payload: body });
  },
}));

describe("fuzzing every endpoint", () => {
  it.each(endpoints)("$name never answers 5xx", async (endpoint) => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(endpointBody(endpoint), async ([hint, body]) => {
        const response = await endpoint.send(body, hint);
        statuses.add(response.statusCode);
        expect(
          response.statusCode,
          `${response.statusCode} ${response.body} for ${body.slice(0, 300)}`,
        ).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    // The mutations are signed and authenticated, so they reach the mappers: some pass, some fail.
    expect(
      [...statuses].some((status) => status >= 200 && status < 300),
      [...statuses].join(","),
    ).toBe(true);
    expect(statuses.has(400), [...statuses].join(",")).toBe(true);
  });

  it("survives random bodies, media types and headers on every route", async () => {
    const routes = [
      ...new Set([
        "/v1/events",
        "/v1/webhooks/github",
        "/v1/webhooks/gitlab",
        "/v1/webhooks/mlflow",
        "/v1/otlp/v1/traces",
        "/v1/lineage",
        "/v1/webhooks/kueue",
      ]),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(
          "application/json",
          "application/cloudevents+json",
          "application/cloudevents-batch+json",
          "text/plain",
          "application/x-protobuf",
          "",
        ),
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
        ),
        fc.dictionary(
          fc.constantFrom(
            "ce-specversion",
            "ce-type",
            "x-github-event",
            "x-gitlab-event",
            "content-encoding",
            "x-mlflow-timestamp",
          ),
          fc.string({ minLength: 1, maxLength: 10 }).filter((v) => /^[\x20-\x7e]+$/.test(v)),
        ),
        async (url, contentType, payload, headers) => {
          const response = await harness.app.inject({
            method: "POST",
            url,
            headers: { ...headers, ...bearer, ...(contentType ? { "content-type": contentType } : {}) },
            payload,
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
        },
      ),
      { numRuns: 800 },
    );
  });
});
