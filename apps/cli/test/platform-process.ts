// The real platform in a child process, for the CLI's end-to-end tests: the web server's entry
// point, as `npm start` runs it (started as @maturity/worker's suites start it), on a fresh embedded
// data folder, and reads of what it stored through the portal's tRPC API.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPlatformProcess as startPlatformChild } from "@maturity/worker/testing/platform-process";
import { cliBin } from "./run-cli.ts";

export interface PlatformProcess {
  /** The portal's (and ingest's) base URL, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Its embedded data folder (the event log in `log/`, see embeddedLogDir); removed by stop(). */
  dataDir: string;
  /** What the platform printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the single-process platform (ingest, worker, web) on a fresh data folder; the CLI does not
 * import apps/web, it talks HTTP to it. `env` adds the test's settings (INGEST_TOKENS,
 * MATURITY_API_TOKENS, …) to a clean set: none of the suite's own servers (DATABASE_URL,
 * KAFKA_BROKERS, …) is inherited.
 */
export async function startPlatformProcess(env: Record<string, string> = {}): Promise<PlatformProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maturity-platform-"));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  // A platform that does not come up is gone already; its data folder goes with it.
  const platform = await startPlatformChild({ MATURITY_DATA_DIR: dataDir, ...env }).catch(
    async (error: unknown) => {
      await removeDataDir();
      throw error;
    },
  );
  return {
    url: platform.url,
    dataDir,
    output: platform.output,
    async stop() {
      await platform.stop();
      await removeDataDir();
    },
  };
}

/** A tRPC query of the portal; `token` is sent as the bearer token (needed with MATURITY_API_TOKENS). */
export async function trpcQuery<T>(
  url: string,
  procedure: string,
  input?: unknown,
  options: { token?: string } = {},
): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${url}/trpc/${procedure}${query}`, {
    ...(options.token !== undefined && { headers: { authorization: `Bearer ${options.token}` } }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${text.slice(0, 1000)}`);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

export interface StoredEvent {
  seq: number;
  eventId: string;
  source: string;
  type: string;
  systemId: string;
  time: string;
  payload: { data?: unknown; [attribute: string]: unknown };
}

/** The system's stored events (every system's, without one), newest first, through the portal's API. */
export function storedEvents(
  url: string,
  systemId: string | undefined,
  options: { token?: string; limit?: number } = {},
): Promise<StoredEvent[]> {
  return trpcQuery<StoredEvent[]>(
    url,
    "systems.latestEvents",
    { ...(systemId !== undefined && { systemId }), limit: options.limit ?? 50 },
    options,
  );
}

export interface ListedSystem {
  systemId: string;
  name: string | null;
  team: string | null;
  kind: string | null;
  riskTier: string | null;
  eventCount: number;
  latestEventAt: string;
  retiredAt: string | null;
}

/** Every system the store has seen (retired ones included), by id, through the portal's API. */
export function listedSystems(url: string, options: { token?: string } = {}): Promise<ListedSystem[]> {
  return trpcQuery<ListedSystem[]>(url, "systems.list", undefined, options);
}

/** Polls until `check` passes: the worker stores events shortly after the log accepts them. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not met in ${timeoutMs / 1000} s; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface BinRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The `maturity` bin, asynchronously (a server in the test's own process answers meanwhile).
 * `env` is added to this process's environment, from which the `unset` variables are removed
 * first (a developer's MATURITY_API_TOKEN must not stand in for the one a test leaves out).
 */
export function runBin(
  args: string[],
  options: { env?: Record<string, string>; unset?: readonly string[] } = {},
): Promise<BinRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !(options.unset ?? []).includes(name)),
  );
  const child = spawn(process.execPath, [cliBin, ...args], {
    env: { ...inherited, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
