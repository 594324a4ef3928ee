// The ingest sink of `maturity demo --to`: batches through the shared poster (ingest-client.ts).
import { describe, expect, it } from "vitest";
import { ingestSink } from "./sinks.ts";

describe("ingestSink", () => {
  it("posts full batches as cloudevents-batch+json, retrying a 503 through the shared poster", async () => {
    const bodies: string[] = [];
    const types: string[] = [];
    let refusedOnce = false;
    const retries: string[] = [];
    const sink = ingestSink({
      url: "http://ingest.example/",
      token: undefined,
      batchSize: 2,
      fetch: (async (_url: string, init: RequestInit) => {
        types.push((init.headers as Record<string, string>)["content-type"]!);
        if (!refusedOnce) {
          refusedOnce = true;
          return new Response("{}", { status: 503, headers: { "retry-after": "1" } });
        }
        bodies.push(init.body as string);
        return new Response('{"accepted":[]}', { status: 202 });
      }) as typeof fetch,
      sleep: async () => undefined,
      onRetry: (reason, waitMs) => retries.push(`${reason}; retrying in ${waitMs} ms`),
    });
    expect(sink.target).toBe("http://ingest.example/v1/events");
    await sink.write('{"n":1}');
    await sink.write('{"n":2}');
    await sink.write('{"n":3}');
    await sink.close();
    expect(bodies).toEqual(['[{"n":1},{"n":2}]', '[{"n":3}]']);
    expect(new Set(types)).toEqual(new Set(["application/cloudevents-batch+json"]));
    expect(retries).toEqual(["503 from ingest; retrying in 1000 ms"]);
  });

  it("throws ingest's reason on a refusal", async () => {
    const sink = ingestSink({
      url: "http://ingest.example",
      token: "wrong",
      batchSize: 500,
      fetch: (async () =>
        new Response('{"error":"unauthorized","message":"unknown token"}', { status: 401 })) as typeof fetch,
    });
    await sink.write("{}");
    await expect(sink.close()).rejects.toThrow(
      "ingest at http://ingest.example/v1/events answered 401 unauthorized (check --token / MATURITY_INGEST_TOKEN): unknown token",
    );
  });
});
