// The embedded database breaking for real (a WebAssembly fault inside PGlite) while a batch is
// applied: the process exits non-zero with a clear message, and the record that broke it is
// dead-lettered on a later start instead of breaking it again and again.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countEvents, listDeadLetters, openDatabase, sql } from "@maturity/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The compiled server (built by the suite's global setup), as `npm start` runs it.
const mainPath = fileURLToPath(new URL("../../dist/server/main.js", import.meta.url));
const webRoot = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  url: Promise<string>;
  exited: Promise<number | null>;
  output: () => string;
  stop(): Promise<number | null>;
}

function startProcess(dataDir: string): Run {
  // The embedded mode: no server settings inherited from the suite's environment.
  const { DATABASE_URL: _database, KAFKA_BROKERS: _kafka, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--enable-source-maps", mainPath, "--no-demo"], {
    cwd: webRoot,
    env: { ...inherited, MATURITY_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let announce: (url: string) => void;
  const url = new Promise<string>((resolve) => (announce = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /Maturity portal \(embedded mode\): (http:\/\/\S+)/.exec(output);
      if (match) announce(match[1]!);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    exited,
    output: () => output,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

function ownerEvent(id: string) {
  return {
    specversion: "1.0",
    id,
    source: "test://fault",
    type: "gov.owner.assigned",
    time: new Date().toISOString(),
    subject: "fault-system",
    data: { owner: "alice" },
  };
}

async function postBatch(url: string, events: object[]): Promise<number> {
  const response = await fetch(`${url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/cloudevents-batch+json" },
    body: JSON.stringify(events),
  });
  return response.status;
}

describe("the embedded database breaking while a batch is applied", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-fault-"));
    // A trigger only this test has: storing one particular event makes PGlite parse a JSON
    // document 3,000 levels deep, which overflows its WebAssembly stack (a real fault, not a mock).
    const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    await database.db.execute(sql`
      create function break_the_database() returns trigger language plpgsql as $$
      begin
        if new.event_id = 'breaks-the-database' then
          perform (repeat('[', 3000) || repeat(']', 3000))::jsonb;
        end if;
        return new;
      end $$`);
    await database.db.execute(
      sql`create trigger break_the_database before insert on events for each row execute function break_the_database()`,
    );
    await database.close();
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("exits non-zero, then parks the record that broke it and applies the rest", async () => {
    const first = startProcess(dataDir);
    const batch = [ownerEvent("before-it"), ownerEvent("breaks-the-database"), ownerEvent("after-it")];
    expect(await postBatch(await first.url, batch)).toBe(202);
    expect(await first.exited, first.output()).toBe(1);
    expect(first.output()).toContain("the embedded database broke");

    // The batch's three records were the suspects; applied one at a time, the culprit breaks it
    // once more and is then named alone.
    const quarantinePath = path.join(dataDir, "log", "quarantine.json");
    const second = startProcess(dataDir);
    expect(await second.exited, second.output()).toBe(1);
    const suspects = JSON.parse(await readFile(quarantinePath, "utf8")) as { positions: string[] };
    expect(suspects.positions).toHaveLength(1);

    const third = startProcess(dataDir);
    const url = await third.url;
    const canary = ownerEvent("canary-after-the-fault");
    expect(await postBatch(url, [canary])).toBe(202);
    const deadline = Date.now() + 20_000;
    let ready = 0;
    while (Date.now() < deadline) {
      ready = (await fetch(`${url}/readyz`)).status;
      if (ready === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await third.stop()).toBe(0);

    const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      const parked = await listDeadLetters(database.db);
      expect(parked).toEqual([
        expect.objectContaining({
          position: suspects.positions[0],
          reasonKind: "database_fault",
          eventId: "breaks-the-database",
          reason: expect.stringContaining("memory access out of bounds"),
        }),
      ]);
      // before-it, after-it and the canary, each once.
      expect(await countEvents(database.db)).toBe(3);
    } finally {
      await database.close();
    }
    await expect(readFile(quarantinePath, "utf8")).rejects.toThrow(/ENOENT/);
  }, 180_000);
});
