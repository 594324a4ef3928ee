// Property-based fuzzing of every endpoint: random JSON and mutations of real payloads, signed or
// authenticated correctly so they reach the parsers. Nothing may answer 5xx or crash the process.
import { createHmac } from "node:crypto";
import webhookExamples from "@octokit/webhooks-examples";
import { exampleEvents } from "@maturity/model";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitlabDeploymentHook, gitlabPipelineHook } from "../test/fixtures/gitlab.ts";
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

const githubSeeds = webhookExamples
  .filter((entry) => ["workflow_run", "workflow_job", "deployment_status", "release"].includes(entry.name))
  .flatMap((entry) => (entry.examples as unknown[]).map((example) => ({ event: entry.name, example })));

const otlpSeed = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "bot" } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: "aa",
              spanId: "01",
              name: "agent",
              startTimeUnixNano: "1000000",
              endTimeUnixNano: 9000000,
              attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "invoke_agent" } }],
            },
            {
              traceId: "aa",
              spanId: "02",
              parentSpanId: "01",
              name: "chat",
              startTimeUnixNano: "2000000",
              endTimeUnixNano: "3000000",
              status: { code: 2 },
              attributes: [
                { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
                { key: "gen_ai.usage.input_tokens", value: { intValue: "10" } },
                { key: "gen_ai.usage.output_tokens", value: { intValue: 5 } },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const lineageSeed = {
  eventType: "COMPLETE",
  eventTime: "2026-03-01T12:00:00Z",
  run: { runId: "r-1" },
  job: {
    namespace: "ns",
    name: "job",
    facets: { sourceCodeLocation: { url: "https://github.com/a/b", version: "abc" } },
  },
  inputs: [{ namespace: "s3://x", name: "d", facets: { version: { datasetVersion: "1" } } }],
  outputs: [],
};

const kueueSeed = {
  kind: "Event",
  metadata: { name: "e", uid: "u" },
  eventTime: "2026-03-01T12:00:00Z",
  reason: "Admitted",
  note: "Admitted by ClusterQueue q, wait time since reservation was 3s",
  regarding: { kind: "Workload", name: "w", namespace: "n", uid: "wl" },
  workload: {
    spec: {
      podSets: [
        {
          count: 1,
          template: { spec: { containers: [{ resources: { requests: { "nvidia.com/gpu": 1 } } }] } },
        },
      ],
    },
  },
};

const mlflowSeed = {
  entity: "model_version",
  action: "created",
  timestamp: "2026-03-01T12:00:00Z",
  data: { name: "m", version: "1", run_id: "r", tags: { data_version: "d" } },
};

type Send = (body: string, seedHint: string) => Promise<{ statusCode: number; body: string }>;

const inject = (url: string, headers: Record<string, string>, payload: string) =>
  harness.app.inject({ method: "POST", url, headers, payload });

const endpoints: { name: string; seeds: { hint: string; value: unknown }[]; send: Send }[] = [
  {
    name: "POST /v1/events (structured)",
    seeds: exampleEvents.map((event) => ({ hint: "", value: event })),
    send: (body) => inject("/v1/events", { "content-type": "application/cloudevents+json", ...bearer }, body),
  },
  {
    name: "POST /v1/events (batch)",
    seeds: [{ hint: "", value: exampleEvents.slice(0, 4) }],
    send: (body) =>
      inject("/v1/events", { "content-type": "application/cloudevents-batch+json", ...bearer }, body),
  },
  {
    name: "POST /v1/events (binary)",
    seeds: exampleEvents.map((event) => ({ hint: event.type, value: event.data })),
    send: (body, hint) =>
      inject(
        "/v1/events",
        {
          "content-type": "application/json",
          "ce-specversion": "1.0",
          "ce-id": "f",
          "ce-source": "fuzz",
          "ce-type": hint,
          "ce-subject": "s",
          "ce-time": "2026-03-01T12:00:00Z",
          ...bearer,
        },
        body,
      ),
  },
  {
    name: "POST /v1/webhooks/github",
    seeds: githubSeeds.map((seed) => ({ hint: seed.event, value: seed.example })),
    send: (body, hint) =>
      inject(
        "/v1/webhooks/github",
        {
          "content-type": "application/json",
          "x-github-event": hint,
          "x-github-delivery": "fuzz",
          "x-hub-signature-256": `sha256=${createHmac("sha256", secrets.github).update(body).digest("hex")}`,
        },
        body,
      ),
  },
  {
    name: "POST /v1/webhooks/gitlab",
    seeds: [
      { hint: "Pipeline Hook", value: gitlabPipelineHook },
      { hint: "Deployment Hook", value: gitlabDeploymentHook },
    ],
    send: (body, hint) =>
      inject(
        "/v1/webhooks/gitlab",
        {
          "content-type": "application/json",
          "x-gitlab-event": hint,
          "x-gitlab-event-uuid": "fuzz",
          "x-gitlab-token": secrets.gitlab,
        },
        body,
      ),
  },
  {
    name: "POST /v1/webhooks/mlflow",
    seeds: [{ hint: "", value: mlflowSeed }],
    send: (body) => {
      const timestamp = String(now.getTime() / 1000);
      const signature = createHmac("sha256", secrets.mlflow)
        .update(`fuzz.${timestamp}.${body}`)
        .digest("base64");
      return inject(
        "/v1/webhooks/mlflow",
        {
          "content-type": "application/json",
          "x-mlflow-delivery-id": "fuzz",
          "x-mlflow-timestamp": timestamp,
          "x-mlflow-signature": `v1,${signature}`,
        },
        body,
      );
    },
  },
  {
    name: "POST /v1/otlp/v1/traces",
    seeds: [{ hint: "", value: otlpSeed }],
    send: (body) => inject("/v1/otlp/v1/traces", { "content-type": "application/json", ...bearer }, body),
  },
  {
    name: "POST /v1/lineage",
    seeds: [{ hint: "", value: lineageSeed }],
    send: (body) => inject("/v1/lineage", { "content-type": "application/json", ...bearer }, body),
  },
  {
    name: "POST /v1/webhooks/kueue",
    seeds: [{ hint: "", value: kueueSeed }],
    send: (body) => inject("/v1/webhooks/kueue", { "content-type": "application/json", ...bearer }, body),
  },
];

type Json = unknown;
/** Every path into a JSON value, so a mutation can aim anywhere in a real payload. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return here.concat(value.flatMap((item, index) => pathsOf(item, [...prefix, index])));
  if (typeof value === "object" && value !== null) {
    return here.concat(Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])));
  }
  return here;
}

function setAt(value: Json, path: (string | number)[], replacement: Json | typeof removed): Json {
  if (path.length === 0) return replacement === removed ? null : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === removed) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && replacement === removed) delete copy[head as string];
  else copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}
const removed = Symbol("removed");

const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    "",
    "0",
    -1,
    1e308,
    -0,
    "2016-08-12 15:23:28 UTC",
    "9".repeat(30),
    "__proto__",
    "x".repeat(300),
    null,
    [],
    {},
  ),
);

function mutatedBody(seed: Json): fc.Arbitrary<string> {
  const paths = pathsOf(seed);
  const structural = fc
    .array(fc.tuple(fc.constantFrom(...paths), fc.oneof(nasty, fc.constant(removed))), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) =>
      JSON.stringify(edits.reduce((value, [path, replacement]) => setAt(value, path, replacement), seed)),
    );
  const text = JSON.stringify(seed);
  const textual = fc.oneof(
    fc.nat(text.length).map((cut) => text.slice(0, cut)),
    fc
      .tuple(fc.nat(text.length), fc.string({ maxLength: 8 }))
      .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at)),
  );
  return fc.oneof(
    { weight: 4, arbitrary: structural },
    { weight: 1, arbitrary: textual },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? "null") },
  );
}

describe("fuzzing every endpoint", () => {
  it.each(endpoints)("$name never answers 5xx", async (endpoint) => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...endpoint.seeds)
          .chain((seed) => fc.tuple(fc.constant(seed.hint), mutatedBody(seed.value))),
        async ([hint, body]) => {
          const response = await endpoint.send(body, hint);
          statuses.add(response.statusCode);
          expect(
            response.statusCode,
            `${response.statusCode} ${response.body} for ${body.slice(0, 300)}`,
          ).toBeLessThan(500);
        },
      ),
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
