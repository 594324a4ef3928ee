// The fuzzing generators, shared by ingest's own fuzz suite (src/fuzz.test.ts: never a 5xx) and
// the platform's (apps/web/src/server/fuzz-applied.int.test.ts: what ingest accepts, the worker
// applies). Seeds are real payload shapes; mutations aim anywhere in them; every request is signed
// or authenticated correctly so it reaches the parsers.
import { createHmac } from "node:crypto";
import webhookExamples from "@octokit/webhooks-examples";
import { exampleEvents } from "@maturity/model";
import fc from "fast-check";
import { gitlabDeploymentHook, gitlabPipelineHook } from "./fixtures/gitlab.ts";

type Json = unknown;

/** The @octokit/webhooks-examples deliveries of the GitHub events ingest maps. */
export const githubSeeds = webhookExamples
  .filter((entry) => ["workflow_run", "workflow_job", "deployment_status", "release"].includes(entry.name))
  .flatMap((entry) => (entry.examples as unknown[]).map((example) => ({ event: entry.name, example })));

export const otlpSeed = {
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

export const lineageSeed = {
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

export const kueueSeed = {
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

export const mlflowSeed = {
  entity: "model_version",
  action: "created",
  timestamp: "2026-03-01T12:00:00Z",
  data: { name: "m", version: "1", run_id: "r", tags: { data_version: "d" } },
};

export interface FuzzSecrets {
  github: string;
  gitlab: string;
  mlflow: string;
  /** A bearer token ingest accepts. */
  bearerToken: string;
}

/** Where one fuzzed body goes and with which headers. */
export interface FuzzRequest {
  url: string;
  headers: Record<string, string>;
}

export interface FuzzEndpoint {
  name: string;
  /** Real payloads to mutate; `hint` is what the request needs besides the body (an event name). */
  seeds: { hint: string; value: unknown }[];
  /**
   * The request carrying `body`, signed or authenticated for it. `deliveryId` becomes the event
   * id where the route takes it from a header; `now` is the clock MLflow's timestamp is signed at.
   */
  request(body: string, hint: string, context: { deliveryId: string; now: Date }): FuzzRequest;
}

/** Every ingest endpoint with its seeds and how to send a body to it. */
export function fuzzEndpoints(secrets: FuzzSecrets): FuzzEndpoint[] {
  const bearer = { authorization: `Bearer ${secrets.bearerToken}` };
  return [
    {
      name: "POST /v1/events (structured)",
      seeds: exampleEvents.map((event) => ({ hint: "", value: event })),
      request: () => ({
        url: "/v1/events",
        headers: { "content-type": "application/cloudevents+json", ...bearer },
      }),
    },
    {
      name: "POST /v1/events (batch)",
      seeds: [{ hint: "", value: exampleEvents.slice(0, 4) }],
      request: () => ({
        url: "/v1/events",
        headers: { "content-type": "application/cloudevents-batch+json", ...bearer },
      }),
    },
    {
      name: "POST /v1/events (binary)",
      seeds: exampleEvents.map((event) => ({ hint: event.type, value: event.data })),
      request: (_body, hint, { deliveryId }) => ({
        url: "/v1/events",
        headers: {
          "content-type": "application/json",
          "ce-specversion": "1.0",
          "ce-id": deliveryId,
          "ce-source": "fuzz",
          "ce-type": hint,
          "ce-subject": "s",
          "ce-time": "2026-03-01T12:00:00Z",
          ...bearer,
        },
      }),
    },
    {
      name: "POST /v1/webhooks/github",
      seeds: githubSeeds.map((seed) => ({ hint: seed.event, value: seed.example })),
      request: (body, hint, { deliveryId }) => ({
        url: "/v1/webhooks/github",
        headers: {
          "content-type": "application/json",
          "x-github-event": hint,
          "x-github-delivery": deliveryId,
          "x-hub-signature-256": `sha256=${createHmac("sha256", secrets.github).update(body).digest("hex")}`,
        },
      }),
    },
    {
      name: "POST /v1/webhooks/gitlab",
      seeds: [
        { hint: "Pipeline Hook", value: gitlabPipelineHook },
        { hint: "Deployment Hook", value: gitlabDeploymentHook },
      ],
      request: (_body, hint, { deliveryId }) => ({
        url: "/v1/webhooks/gitlab",
        headers: {
          "content-type": "application/json",
          "x-gitlab-event": hint,
          "x-gitlab-event-uuid": deliveryId,
          "x-gitlab-token": secrets.gitlab,
        },
      }),
    },
    {
      name: "POST /v1/webhooks/mlflow",
      seeds: [{ hint: "", value: mlflowSeed }],
      request: (body, _hint, { deliveryId, now }) => {
        const timestamp = String(Math.floor(now.getTime() / 1000));
        const signature = createHmac("sha256", secrets.mlflow)
          .update(`${deliveryId}.${timestamp}.${body}`)
          .digest("base64");
        return {
          url: "/v1/webhooks/mlflow",
          headers: {
            "content-type": "application/json",
            "x-mlflow-delivery-id": deliveryId,
            "x-mlflow-timestamp": timestamp,
            "x-mlflow-signature": `v1,${signature}`,
          },
        };
      },
    },
    {
      name: "POST /v1/otlp/v1/traces",
      seeds: [{ hint: "", value: otlpSeed }],
      request: () => ({
        url: "/v1/otlp/v1/traces",
        headers: { "content-type": "application/json", ...bearer },
      }),
    },
    {
      name: "POST /v1/lineage",
      seeds: [{ hint: "", value: lineageSeed }],
      request: () => ({ url: "/v1/lineage", headers: { "content-type": "application/json", ...bearer } }),
    },
    {
      name: "POST /v1/webhooks/kueue",
      seeds: [{ hint: "", value: kueueSeed }],
      request: () => ({
        url: "/v1/webhooks/kueue",
        headers: { "content-type": "application/json", ...bearer },
      }),
    },
  ];
}

/** Every path into a JSON value, so a mutation can aim anywhere in a real payload. */
export function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return here.concat(value.flatMap((item, index) => pathsOf(item, [...prefix, index])));
  if (typeof value === "object" && value !== null) {
    return here.concat(Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])));
  }
  return here;
}

/** A marker for "delete what is at this path" in setAt. */
export const removed = Symbol("removed");

export function setAt(value: Json, path: (string | number)[], replacement: Json | typeof removed): Json {
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

/** Objects and arrays alternating, `levels` deep. */
function nestedValue(levels: number): Json {
  let value: Json = 0;
  for (let level = levels; level > 0; level--) value = level % 2 === 1 ? { a: value } : [value];
  return value;
}

/**
 * Values that break naive mappers (empty, negative, huge, GitLab's time format, prototype keys)
 * and the input limits (packages/model/src/events/limits.ts): NUL and unpaired surrogates, times
 * outside the window or with offsets past ±14:00, names over 512 characters, nesting past the
 * event's 32 levels, counts past 1e9.
 */
export const nasty = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom(
    "",
    "0",
    -1,
    1e308,
    -0,
    1e12,
    "2016-08-12 15:23:28 UTC",
    "9".repeat(30),
    "__proto__",
    "x".repeat(300),
    "n".repeat(600),
    "a\u0000b",
    "a\ud800b",
    "\udc00",
    "🧪",
    "0000-01-01T00:00:00Z",
    "0099-06-15T12:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-03-01T12:00:00+16:00",
    "2026-03-01T12:00:00+14:00",
    nestedValue(40),
    null,
    [],
    {},
  ),
);

/** Structural edits of `seed` (mostly), cut or spliced text of it, and random JSON. */
export function mutatedBody(seed: Json): fc.Arbitrary<string> {
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

/** A seed of the endpoint and a mutated body of it, with the seed's hint. */
export function endpointBody(endpoint: FuzzEndpoint): fc.Arbitrary<[string, string]> {
  return fc
    .constantFrom(...endpoint.seeds)
    .chain((seed) => fc.tuple(fc.constant(seed.hint), mutatedBody(seed.value)));
}

/**
 * `count` fuzzed (hint, body) pairs for the endpoint, reproducible from `seed`: for suites that
 * send each one through a whole platform and check the outcome afterwards rather than per case.
 */
export function sampleEndpointBodies(
  endpoint: FuzzEndpoint,
  count: number,
  seed: number,
): [string, string][] {
  return fc.sample(endpointBody(endpoint), { numRuns: count, seed });
}
