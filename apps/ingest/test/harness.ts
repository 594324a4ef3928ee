// Shared set-up for the route tests: the real plugin over an embedded log in a temp dir.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConsumedRecord, EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { ingestPlugin, type IngestOptions } from "../src/plugin.ts";

export interface Harness {
  app: FastifyInstance;
  log: EventLog;
  directory: string;
  /** Everything the log holds, parsed, read through a fresh consumer group. */
  logged(): Promise<Record<string, unknown>[]>;
  records(): Promise<ConsumedRecord[]>;
  close(): Promise<void>;
}

export const testTokens = ["token-one", "token-two"];

export async function startHarness(options: Omit<IngestOptions, "log"> = {}): Promise<Harness> {
  const directory = await mkdtemp(path.join(tmpdir(), "ingest-"));
  const log = await openEmbeddedLog(directory);
  const app = Fastify();
  await app.register(ingestPlugin, { ...options, log });
  await app.ready();
  const records = async () => {
    const reader = await openEmbeddedLog(directory);
    const seen: ConsumedRecord[] = [];
    const subscription = await reader.subscribe(`probe-${Math.random()}`, async (batch) => {
      seen.push(...batch.records);
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await subscription.stop();
    await reader.close();
    return seen;
  };
  return {
    app,
    log,
    directory,
    records,
    logged: async () =>
      (await records()).map((record) => JSON.parse(record.value) as Record<string, unknown>),
    async close() {
      await app.close();
      await log.close().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export const bearer = { authorization: `Bearer ${testTokens[0]}` };
