import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConsumedRecord, EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import { exampleEvents } from "@maturity/model";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestPlugin } from "../plugin.ts";

let directory: string;
let log: EventLog;
let app: FastifyInstance;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "ingest-"));
  log = await openEmbeddedLog(directory);
  app = Fastify({ bodyLimit: 64 * 1024 });
  await app.register(ingestPlugin, { log });
});
afterEach(async () => {
  await app.close();
  await log.close();
  await rm(directory, { recursive: true, force: true });
});

/** Everything the log holds, read through a fresh consumer group. */
async function logContents(): Promise<ConsumedRecord[]> {
  const seen: ConsumedRecord[] = [];
  const subscription = await log.subscribe(`probe-${Math.random()}`, async (batch) => {
    seen.push(...batch.records);
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await subscription.stop();
  return seen;
}

const owner = exampleEvents.find((event) => event.type === "gov.owner.assigned")!;

describe("POST /v1/events", () => {
  it.each([
    "application/cloudevents+json",
    "application/json",
    "application/cloudevents+json; charset=utf-8",
  ])("accepts a valid CloudEvent sent as %s and appends it keyed by system", async (contentType) => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/events",
      headers: { "content-type": contentType },
      payload: JSON.stringify(owner),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({
      accepted: [{ id: owner.id, source: owner.source, type: owner.type, subject: owner.subject }],
    });
    const [record] = await logContents();
    expect(record?.key).toBe(owner.subject);
    expect(JSON.parse(record!.value)).toEqual(owner);
  });

  it("keeps unknown extension attributes of the envelope", async () => {
    const withExtension = { ...owner, traceparent: "00-abc-def-01", partitionkey: "x" };
    await app.inject({ method: "POST", url: "/v1/events", payload: withExtension });
    const [record] = await logContents();
    expect(JSON.parse(record!.value)).toMatchObject({ traceparent: "00-abc-def-01", partitionkey: "x" });
  });

  it("refuses an event failing the schema with 400 naming the field, and appends nothing", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/events",
      payload: { ...owner, time: "yesterday", data: {} },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe("invalid_event");
    expect(body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["data.owner", "time"]);
    expect(body.message).toMatch(/data\.owner: .*; time: |time: .*; data\.owner: /);
    expect(await logContents()).toEqual([]);
  });

  it("refuses malformed JSON with 400 and an empty body with 400", async () => {
    const malformed = await app.inject({
      method: "POST",
      url: "/v1/events",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/not valid JSON/);
    const empty = await app.inject({
      method: "POST",
      url: "/v1/events",
      headers: { "content-type": "application/json" },
      payload: "",
    });
    expect(empty.statusCode).toBe(400);
    expect(await logContents()).toEqual([]);
  });

  it("answers 413 with the limit for a body over it", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/events",
      payload: { ...owner, data: { owner: "x".repeat(70 * 1024) } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toContain("65536-byte limit");
    expect(await logContents()).toEqual([]);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/events",
      headers: { "content-type": "text/plain" },
      payload: "hello",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe("unsupported_media_type");
  });

  it("answers 503 with Retry-After when the log cannot take the event", async () => {
    await log.close();
    const response = await app.inject({ method: "POST", url: "/v1/events", payload: owner });
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBe("5");
    log = await openEmbeddedLog(directory);
    expect(await logContents()).toEqual([]);
  });
});
