import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openEmbeddedLog } from "@maturity/log";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerHealthRoutes } from "./health.ts";

describe("GET /healthz and /readyz", () => {
  it("is ready only while the log takes writes, and alive regardless", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "ingest-health-"));
    const log = await openEmbeddedLog(directory);
    const app = Fastify();
    registerHealthRoutes(app, log);
    expect((await app.inject({ url: "/readyz" })).statusCode).toBe(200);
    await log.close();
    const notReady = await app.inject({ url: "/readyz" });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: "not_ready", logWritable: false });
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });
});
