import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

// The compiled worker (built by the suite's global setup), as `npm start -w @maturity/worker` runs it.
const workerMain = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  metricsPort: number;
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** The worker's applied-events counter, read from its Prometheus endpoint. */
  eventsApplied(): Promise<number>;
}

/** Starts the real worker process, as the distributed mode runs it. */
export function startWorkerProcess(env: Record<string, string>, metricsPort: number): WorkerProcess {
  // node itself, not npm: signals must reach the worker unrelayed.
  const child = spawn(process.execPath, ["--enable-source-maps", workerMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      RESCORE_INTERVAL_MS: "0",
      METRICS_PORT: String(metricsPort),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  return {
    child,
    metricsPort,
    output: () => output,
    exited,
    async eventsApplied() {
      try {
        const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        return Number(/^maturity_worker_events_applied_total (\d+)/m.exec(text)?.[1] ?? 0);
      } catch {
        return 0;
      }
    },
  };
}
