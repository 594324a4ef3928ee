// A PostgreSQL server of a test's own (initdb in a temporary folder, its own port), for tests that
// stop and restart the server mid-stream without disturbing the shared one other suites use.
import { execFile } from "node:child_process";
import { chmod, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PrivatePostgres {
  url: string;
  /** Stops the server (fast shutdown: clients are disconnected), waits `downMs`, starts it again. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

async function binDir(): Promise<string> {
  const root = "/usr/lib/postgresql";
  const versions = (await readdir(root)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return path.join(root, versions[0]!, "bin");
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = await binDir();
  const folder = await mkdtemp(path.join(tmpdir(), "maturity-pg-"));
  const dataDir = path.join(folder, "data");
  // initdb and postgres refuse to run as root; run them as the postgres user then.
  const asServerUser = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  if (asServerUser.length > 0) {
    await chmod(folder, 0o777);
  }
  const exec = async (command: string, args: string[]) => {
    const [file, ...rest] = [...asServerUser, path.join(bin, command), ...args];
    await run(file!, rest);
  };
  await exec("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    exec("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(folder, "log"), "-w", "start"]);
  const stopServer = () => exec("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(downMs) {
      await stopServer();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    async stop() {
      await stopServer().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
