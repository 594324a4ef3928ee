// `npm start`'s platform (ingest, worker and portal in one process: apps/web's entry point, run from
// source with tsx, so it needs no build) as a child process the test can kill and start again on
// the same data: the same data folder on the embedded path, the same database, topic and consumer
// group on the distributed one. The CLI's end-to-end tests start theirs with it too
// (@maturity/worker/testing/platform-process): neither app imports apps/web, they talk HTTP to it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MaturityEvent } from "@maturity/model";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const webRoot = path.join(repoRoot, "apps", "web");

export interface PlatformProcess {
  /** The portal's, ingest's and /metrics' base URL. */
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code or the signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** What it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Its /metrics text (the worker's metrics). */
  metrics(): Promise<string>;
  /** POSTs events to ingest's /v1/events as one batch; resolves once they are durably in the log. */
  send(events: readonly MaturityEvent[]): Promise<void>;
  /** Stops it as a service manager would (SIGTERM); resolves with how it exited. */
  stop(): Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts the platform with `env` added to a clean environment: none of this process's own settings
 * (DATABASE_URL, KAFKA_BROKERS, MATURITY_*, …) is inherited. `env` must set MATURITY_DATA_DIR, and
 * INGEST_TOKENS for `send` (the token it uses).
 */
export async function startPlatformProcess(env: Record<string, string>): Promise<PlatformProcess> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MATURITY_|INGEST_|KAFKA_|WORKER_|DATABASE_URL$|TEST_DATABASE_URL$)/.test(name),
    ),
  );
  const child = spawn(
    process.execPath,
    ["--enable-source-maps", "--import", "tsx", path.join(webRoot, "src/server/main.ts"), "--no-demo"],
    {
      cwd: webRoot,
      env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the platform did not start:\n${output}`)), 90_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const port = /Maturity portal \(\w+ mode\): http:\/\/localhost:(\d+)/.exec(output)?.[1];
        if (port !== undefined) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the platform exited:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    throw error;
  });
  return {
    url,
    child,
    exited,
    output: () => output,
    async metrics() {
      return (await fetch(`${url}/metrics`)).text();
    },
    async send(events) {
      const response = await fetch(`${url}/v1/events`, {
        method: "POST",
        headers: {
          "content-type": "application/cloudevents-batch+json",
          authorization: `Bearer ${env.INGEST_TOKENS}`,
        },
        body: JSON.stringify(events),
      });
      if (response.status !== 202)
        throw new Error(`ingest answered ${response.status}: ${(await response.text()).slice(0, 1000)}`);
    },
    stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A counter or gauge from Prometheus text, e.g. `maturity_alert_messages{status="pending"}`; 0 when absent. */
export function metricValue(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
