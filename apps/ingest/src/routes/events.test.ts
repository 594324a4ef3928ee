import { exampleEvents } from "@maturity/model";
import { CloudEvent, HTTP } from "cloudevents";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const owner = exampleEvents.find((event) => event.type === "gov.owner.assigned")!;
const deploy = exampleEvents.find((event) => event.type === "deploy.completed")!;
// What ingest stores as `dataschema` with MATURITY_PUBLIC_URL at its default.
const dataschemaOf = (type: string, publicUrl = "http://localhost:3000") =>
  `${publicUrl}/v1/schemas/${type}.json#/properties/data`;

async function open(config: Parameters<typeof startHarness>[0] = {}) {
  harness = await startHarness(config);
  return harness.app;
}

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/events",
    headers: { "content-type": "application/cloudevents+json", ...headers },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

describe("POST /v1/events, structured mode", () => {
  it.each([
    "application/cloudevents+json",
    "application/json",
    "application/cloudevents+json; charset=utf-8",
  ])("accepts a valid CloudEvent sent as %s and appends it keyed by system", async (contentType) => {
    await open();
    const response = await post(owner, { "content-type": contentType });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: [{ id: owner.id, source: owner.source, type: owner.type, subject: owner.subject }],
    });
    const [record] = await harness.records();
    expect(record?.key).toBe(owner.subject);
    expect(JSON.parse(record!.value)).toEqual({ ...owner, dataschema: dataschemaOf(owner.type) });
  });

  it("sets dataschema to the type's published schema at the public URL, replacing the sender's", async () => {
    await open({ config: { publicUrl: "https://maturity.example.com/base" } });
    await post({ ...owner, dataschema: "https://elsewhere.example/owner.json" });
    const [event] = await harness.logged();
    expect(event!.dataschema).toBe(dataschemaOf(owner.type, "https://maturity.example.com/base"));
  });

  it("keeps unknown extension attributes of the envelope", async () => {
    await open();
    await post({ ...owner, traceparent: "00-abc-def-01", partitionkey: "x" });
    const [event] = await harness.logged();
    expect(event).toMatchObject({ traceparent: "00-abc-def-01", partitionkey: "x" });
  });

  it("refuses an event failing the schema with 400 naming the field, and appends nothing", async () => {
    await open();
    const response = await post({ ...owner, time: "yesterday", data: {} });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe("invalid_event");
    expect(body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["data.owner", "time"]);
    expect(body.message).toMatch(/data\.owner: required; expected a string/);
    expect(body.message).toMatch(/time: expected an RFC 3339 date-time/);
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses an unknown event type with 400 naming it", async () => {
    await open();
    const response = await post({ ...owner, type: "gov.owner.sacked" });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('unknown event type "gov.owner.sacked"');
    expect(response.json().issues[0].path).toBe("type");
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses malformed JSON and an empty body with 400", async () => {
    await open();
    const malformed = await post("{", { "content-type": "application/json" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/not valid JSON/);
    const empty = await post("", { "content-type": "application/json" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/empty/);
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses a prototype-poisoning body instead of trusting it", async () => {
    await open();
    const response = await post('{"__proto__":{"polluted":true},"specversion":"1.0"}');
    expect(response.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers 413 naming the configured limit for a body over it", async () => {
    await open({ config: { bodyLimitBytes: 64 * 1024 } });
    const response = await post({ ...owner, data: { owner: "x".repeat(70 * 1024) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: "payload_too_large" });
    expect(response.json().message).toContain("65536-byte limit");
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 415 for a body that is not JSON", async () => {
    await open();
    const response = await post("hello", { "content-type": "text/plain" });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe("unsupported_media_type");
  });

  it("answers 503 with Retry-After when the log cannot take the event, and accepts nothing", async () => {
    await open({ config: { retryAfterSeconds: 7 } });
    await harness.log.close();
    const response = await post(owner);
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBe("7");
    expect(response.json().error).toBe("log_unavailable");
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 503 when the log does not acknowledge within the append timeout", async () => {
    await open({ config: { appendTimeoutMs: 100 } });
    harness.log.append = () => new Promise(() => undefined);
    const started = Date.now();
    const response = await post(owner);
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toContain("did not acknowledge within 100 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("POST /v1/events, binary mode (the cloudevents SDK as the sender)", () => {
  it("reads attributes from ce-* headers and data from the body, and stores the event", async () => {
    await open();
    const event = new CloudEvent({
      id: "bin-1",
      source: "ci://example",
      type: "deploy.completed",
      subject: "fraud-scoring",
      time: "2026-03-01T12:00:00Z",
      datacontenttype: "application/json",
      dataschema: "https://ci.example/deploy.json",
      data: deploy.data,
      traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    });
    const message = HTTP.binary(event);
    expect(message.headers["ce-id"]).toBe("bin-1");
    const response = await harness.app.inject({
      method: "POST",
      url: "/v1/events",
      headers: message.headers as Record<string, string>,
      payload: message.body as string,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toEqual([
      { id: "bin-1", source: "ci://example", type: "deploy.completed", subject: "fraud-scoring" },
    ]);
    expect(message.headers["ce-dataschema"]).toBe("https://ci.example/deploy.json");
    // The whole event, as the SDK meant it, except the dataschema: ingest names the schema it checked.
    expect(await harness.logged()).toEqual([
      {
        specversion: "1.0",
        id: "bin-1",
        source: "ci://example",
        type: "deploy.completed",
        subject: "fraud-scoring",
        // The SDK writes the time with milliseconds.
        time: message.headers["ce-time"],
        datacontenttype: "application/json",
        dataschema: dataschemaOf("deploy.completed"),
        data: deploy.data,
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      },
    ]);
  });

  it("names the missing attribute of a binary event", async () => {
    await open();
    const response = await harness.app.inject({
      method: "POST",
      url: "/v1/events",
      headers: {
        "content-type": "application/json",
        "ce-specversion": "1.0",
        "ce-type": "gov.owner.assigned",
      },
      payload: JSON.stringify({ owner: "alice" }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(["id", "source", "time", "subject"]),
    );
  });

  it("accepts a structured event emitted by the SDK and stores it", async () => {
    await open();
    const event = new CloudEvent({ ...owner, data: owner.data });
    const message = HTTP.structured(event);
    const response = await harness.app.inject({
      method: "POST",
      url: "/v1/events",
      headers: message.headers as Record<string, string>,
      payload: message.body as string,
    });
    expect(response.statusCode).toBe(202);
    expect(await harness.logged()).toEqual([
      { ...JSON.parse(message.body as string), dataschema: dataschemaOf(owner.type) },
    ]);
  });
});

describe("POST /v1/events, batch mode", () => {
  const batch = exampleEvents.slice(0, 5).map((event) => new CloudEvent<unknown>({ ...event }));

  it("appends every event of a valid batch and lists them in order", async () => {
    await open();
    const response = await post(JSON.stringify(batch), {
      "content-type": "application/cloudevents-batch+json",
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted.map((event: { id: string }) => event.id)).toEqual(
      batch.map((event) => event.id),
    );
    expect((await harness.logged()).map((event) => event.id)).toEqual(batch.map((event) => event.id));
  });

  it("rejects the whole batch with the index of the one bad event, appending nothing", async () => {
    await open();
    const events = exampleEvents.slice(0, 5).map((event) => ({ ...event }));
    events[3] = { ...events[3]!, subject: "" } as (typeof events)[number];
    const response = await post(events, { "content-type": "application/cloudevents-batch+json" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: "invalid_event", index: 3 });
    expect(response.json().issues[0].path).toBe("[3].subject");
    expect(response.json().message).toContain("event 3 of the batch");
    expect(await harness.logged()).toEqual([]);
  });

  it.each([
    ["an object", JSON.stringify(owner)],
    ["an empty array", "[]"],
  ])("rejects a batch that is %s", async (_name, body) => {
    await open();
    const response = await post(body, { "content-type": "application/cloudevents-batch+json" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("invalid_batch");
  });
});

describe("bearer-token auth", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer nope" }],
    ["a token that is a prefix of a valid one", { authorization: "Bearer token-on" }],
    ["another scheme", { authorization: `Basic ${testTokens[0]}` }],
  ])("answers 401 for %s, before reading the body, and appends nothing", async (_name, headers) => {
    await open({ config: { bearerAuth: true, tokens: testTokens } });
    const response = await post(owner, headers);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe("unauthorized");
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 401 rather than 413 to an unauthenticated oversized body", async () => {
    await open({ config: { bearerAuth: true, tokens: testTokens, bodyLimitBytes: 2048 } });
    const response = await post({ ...owner, data: { owner: "x".repeat(4096) } });
    expect(response.statusCode).toBe(401);
  });

  it("accepts every configured token", async () => {
    await open({ config: { bearerAuth: true, tokens: testTokens } });
    for (const [index, token] of testTokens.entries()) {
      const response = await post({ ...owner, id: `owner-${index}` }, { authorization: `Bearer ${token}` });
      expect(response.statusCode).toBe(202);
    }
    expect(await harness.logged()).toHaveLength(2);
    expect(bearer.authorization).toBe(`Bearer ${testTokens[0]}`);
  });
});
