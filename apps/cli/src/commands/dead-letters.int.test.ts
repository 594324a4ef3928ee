import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import type { NewDeadLetter } from "@maturity/db";
import { insertDeadLetters, listDeadLetters, openDatabase } from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl } from "@maturity/db/testing";
import type { ConsumedRecord } from "@maturity/log";
import { openKafkaLog } from "@maturity/log";
import { kafkaAvailable, testKafkaBrokers } from "@maturity/log/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliBin } from "../../test/run-cli.ts";

const actor = `cli:${userInfo().username}`;
const runKafka = await kafkaAvailable();

/** The real bin, with only the configuration given here (none inherited from infra/.run/env). */
function maturity(args: string[], env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !["DATABASE_URL", "KAFKA_BROKERS", "KAFKA_TOPIC", "MATURITY_DATA_DIR"].includes(name),
    ),
  );
  const result = spawnSync(process.execPath, [cliBin, ...args], {
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const event = (id: string, subject = "fraud-scoring") =>
  JSON.stringify({
    specversion: "1.0",
    id,
    source: "test://cli-dead-letters",
    type: "gov.owner.assigned",
    time: "2026-11-20T09:30:00.000Z",
    subject,
    data: { owner: "alice" },
  });

const parked: NewDeadLetter[] = [
  {
    position: "embedded@100",
    key: "fraud-scoring",
    value: event("refused-1"),
    reasonKind: "database_refused",
    reason: "value too long for type character varying(200)",
  },
  {
    position: "embedded@200",
    key: "",
    value: "{not json",
    reasonKind: "not_json",
    reason: "Unexpected token n in JSON\nat position 1",
  },
];

describe("maturity dead-letters on the embedded data folder", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-cli-dead-"));
    const store = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      await insertDeadLetters(store.db, parked);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("list prints a table of the pending ones and a count by reason kind", () => {
    const result = maturity(["dead-letters", "list", "--data-dir", dataDir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+dead-lettered\s+source\s+type\s+reason kind\s+reason$/);
    expect(lines).toHaveLength(4);
    const refused = lines.find((line) => line.includes("database_refused"))!;
    expect(refused).toMatch(
      /^\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+test:\/\/cli-dead-letters\s+gov\.owner\.assigned\s+database_refused\s+value too long/,
    );
    // A reason of several lines stays on its row.
    expect(lines.find((line) => line.includes("not_json"))).toContain(
      "Unexpected token n in JSON at position 1",
    );
    expect(lines[3]).toMatch(/^2 dead letters pending \(1 not_json, 1 database_refused\)/);
  });

  it("list --json prints one JSON line per dead letter, the record included", () => {
    const result = maturity(["dead-letters", "list", "--json", "--data-dir", dataDir]);
    expect(result.status).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.reasonKind === "database_refused")).toMatchObject({
      position: "embedded@100",
      eventId: "refused-1",
      value: event("refused-1"),
      redrivenBy: null,
    });
  });

  it("retry wants --id or --all, and ids that are numbers", () => {
    const neither = maturity(["dead-letters", "retry", "--data-dir", dataDir]);
    expect(neither.status).not.toBe(0);
    expect(neither.stderr).toContain("give --id <n> (one or more) or --all");
    const both = maturity(["dead-letters", "retry", "--all", "--id", "1", "--data-dir", dataDir]);
    expect(both.status).not.toBe(0);
    const notNumber = maturity(["dead-letters", "retry", "--id", "abc", "--data-dir", dataDir]);
    expect(notNumber.status).not.toBe(0);
    expect(notNumber.stderr).toContain("expected a dead letter id");
  });

  it("retry --all appends every pending one to the embedded log, marked with the user, once", async () => {
    const result = maturity(["dead-letters", "retry", "--all", "--data-dir", dataDir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^re-drove 2 dead letters onto the embedded log at .*log as ${actor}: id \\d+, \\d+\\n$`),
    );

    const lines = (await readFile(path.join(dataDir, "log", "events.ndjson"), "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const records = lines.map((line) => JSON.parse(line) as { key: string; value: string });
    const redriven = records.find((record) => record.key === "fraud-scoring")!;
    expect(JSON.parse(redriven.value)).toMatchObject({ id: "refused-1", redrivenby: actor });
    // Not JSON: back on the log exactly as it was.
    expect(records.map((record) => record.value)).toContain("{not json");

    expect(maturity(["dead-letters", "list", "--data-dir", dataDir]).stdout).toBe(
      "no dead letters pending\n",
    );
    const all = maturity(["dead-letters", "list", "--all", "--data-dir", dataDir]);
    expect(all.stdout.split("\n")[0]).toMatch(/reason\s+re-driven$/);
    expect(all.stdout.match(new RegExp(`by ${actor} `, "g"))).toHaveLength(2);
    expect(all.stdout).toContain("no dead letters pending (2 re-driven before)");

    const again = maturity(["dead-letters", "retry", "--all", "--data-dir", dataDir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("nothing re-driven: no pending dead letter\n");
    expect(
      (await readFile(path.join(dataDir, "log", "events.ndjson"), "utf8")).trimEnd().split("\n"),
    ).toHaveLength(2);
  });

  it("every dead-letters command has --help", () => {
    for (const command of [["dead-letters"], ["dead-letters", "list"], ["dead-letters", "retry"]]) {
      const result = maturity([...command, "--help"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: maturity ${command.join(" ")}`);
    }
  });
});

describe.skipIf(!runKafka)("maturity dead-letters retry on the Postgres server and Kafka", () => {
  const topic = `maturity.cli-dead-letters-${randomBytes(4).toString("hex")}`;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl);
    const store = await openDatabase({ url: scratch.url });
    try {
      await insertDeadLetters(store.db, [
        { ...parked[0]!, position: `${topic}/0@1` },
        { ...parked[0]!, position: `${topic}/0@2`, value: event("refused-2") },
      ]);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it("re-drives one by id onto the Kafka topic and leaves the other pending", async () => {
    const store = await openDatabase({ url: scratch.url });
    try {
      const target = (await listDeadLetters(store.db)).find((row) => row.eventId === "refused-2")!;
      const result = maturity(
        ["dead-letters", "retry", "--id", String(target.id), "--database-url", scratch.url],
        { KAFKA_BROKERS: testKafkaBrokers.join(","), KAFKA_TOPIC: topic },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(
        `re-drove 1 dead letter onto Kafka topic ${topic} as ${actor}: id ${target.id}\n`,
      );

      const rows = await listDeadLetters(store.db, { includeRedriven: true });
      expect(rows.find((row) => row.id === target.id)).toMatchObject({ redrivenBy: actor });
      expect(rows.find((row) => row.eventId === "refused-1")).toMatchObject({ redrivenBy: null });

      const log = await openKafkaLog({ brokers: testKafkaBrokers, topic, clientId: "cli-dead-letters-test" });
      try {
        const received: ConsumedRecord[] = [];
        const subscription = await log.subscribe(`read-${topic}`, async (batch) => {
          received.push(...batch.records);
        });
        const deadline = Date.now() + 30_000;
        while (received.length === 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        await subscription.stop();
        expect(received).toHaveLength(1);
        expect(JSON.parse(received[0]!.value)).toMatchObject({ id: "refused-2", redrivenby: actor });
      } finally {
        await log.close();
      }
    } finally {
      await store.close();
    }
  });
});
