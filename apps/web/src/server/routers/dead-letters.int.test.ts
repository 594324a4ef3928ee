import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { insertDeadLetters, listDeadLetters } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);
const admin: Viewer = { id: "ada@example.com", name: "Ada", roles: ["viewer", "admin"], via: "proxy" };
const viewer: Viewer = { id: "vic@example.com", name: "Vic", roles: ["viewer"], via: "proxy" };

const ownerAssigned = (id: string) =>
  JSON.stringify({
    specversion: "1.0",
    id,
    source: "test://dead-letters",
    type: "gov.owner.assigned",
    time: "2026-11-20T09:30:00.000Z",
    subject: "fraud-scoring",
    data: { owner: "alice" },
  });

describe.each(["postgres", "pglite"] as const)("deadLetters.list and retry (%s)", (driver) => {
  const store = suiteDatabase(driver);
  let logDir: string;
  let log: EventLog;

  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), "maturity-dead-letters-"));
    log = await openEmbeddedLog(logDir);
    await insertDeadLetters(store().db, [
      {
        position: "maturity.events/0@10",
        key: "fraud-scoring",
        value: ownerAssigned("refused-1"),
        reasonKind: "database_refused",
        reason: "value too long for type character varying(200)",
      },
      {
        position: "maturity.events/1@11",
        key: "fraud-scoring",
        value: ownerAssigned("refused-2"),
        reasonKind: "database_refused",
        reason: "numeric field overflow",
      },
      {
        position: "maturity.events/2@12",
        key: "",
        value: `{not json ${"x".repeat(3_000)}`,
        reasonKind: "not_json",
        reason: "Unexpected token n in JSON at position 1",
      },
    ]);
  });
  afterAll(async () => {
    await log?.close();
    await rm(logDir, { recursive: true, force: true });
  });

  const callerFor = (who: Viewer | null, appendToLog?: EventLog["append"]) =>
    createCaller(
      createInnerContext({
        db: store().db,
        viewer: who,
        refusal: "sign in first",
        ...(appendToLog !== undefined && { appendToLog }),
      }),
    );
  const appended = async () =>
    (await readFile(path.join(logDir, "events.ndjson"), "utf8"))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { key: string; value: string });
  const idOf = async (eventId: string) =>
    (await listDeadLetters(store().db, { includeRedriven: true })).find((row) => row.eventId === eventId)!.id;

  it("lists the pending dead letters for an admin, with a bounded preview and counts by reason kind", async () => {
    const listed = await callerFor(admin).deadLetters.list();
    expect(listed.rows).toHaveLength(3);
    expect(listed.counts).toEqual({ not_json: 1, invalid_event: 0, database_refused: 2, database_fault: 0 });
    const refused = listed.rows.find((row) => row.eventId === "refused-1")!;
    expect(refused).toMatchObject({
      position: "maturity.events/0@10",
      reasonKind: "database_refused",
      reason: "value too long for type character varying(200)",
      eventType: "gov.owner.assigned",
      eventSource: "test://dead-letters",
      eventTime: "2026-11-20T09:30:00.000Z",
      redrivenAt: null,
      redrivenBy: null,
      preview: ownerAssigned("refused-1"),
    });
    expect(Date.parse(refused.deadLetteredAt)).not.toBeNaN();
    const garbage = listed.rows.find((row) => row.reasonKind === "not_json")!;
    expect(garbage.eventId).toBeNull();
    expect(garbage.preview).toHaveLength(2_000);
    expect(garbage.valueLength).toBe(3_010);
  });

  it("is for admins only: a viewer gets FORBIDDEN, nobody signed in gets UNAUTHORIZED", async () => {
    await expect(callerFor(viewer).deadLetters.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(viewer, log.append).deadLetters.retry({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(null).deadLetters.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "sign in first",
    });
    expect((await listDeadLetters(store().db)).every((row) => row.redrivenBy === null)).toBe(true);
  });

  it("refuses to retry where the process cannot write to the log", async () => {
    await expect(callerFor(admin).deadLetters.retry({})).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("leaves the dead letter pending when the log refuses the append", async () => {
    const id = await idOf("refused-1");
    const refusing = async () => {
      throw new Error("broker away");
    };
    await expect(callerFor(admin, refusing).deadLetters.retry({ ids: [id] })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringContaining("broker away"),
    });
    const row = (await listDeadLetters(store().db)).find((candidate) => candidate.id === id)!;
    expect(row).toMatchObject({ redrivenAt: null, redrivenBy: null });
  });

  it("re-drives one by id onto the log, marked with the admin, and never twice", async () => {
    const id = await idOf("refused-1");
    const caller = callerFor(admin, log.append);
    expect(await caller.deadLetters.retry({ ids: [id] })).toEqual({ count: 1, ids: [id] });

    const records = await appended();
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toBe("fraud-scoring");
    const event = JSON.parse(records[0]!.value) as Record<string, unknown>;
    expect(event).toMatchObject({ id: "refused-1", redrivenby: admin.id });
    expect(Date.parse(event.redrivenat as string)).not.toBeNaN();

    const listed = await caller.deadLetters.list({ includeRedriven: true });
    expect(listed.rows.find((row) => row.id === id)).toMatchObject({
      redrivenBy: admin.id,
      redrivenAt: expect.any(String),
    });
    expect((await caller.deadLetters.list()).rows.map((row) => row.id)).not.toContain(id);
    expect(listed.counts.database_refused).toBe(1);

    // The same id again: already re-driven, so nothing more reaches the log.
    expect(await caller.deadLetters.retry({ ids: [id] })).toEqual({ count: 0, ids: [] });
    expect(await appended()).toHaveLength(1);
  });

  it("re-drives every pending one when no ids are given", async () => {
    const caller = callerFor(admin, log.append);
    const pending = (await listDeadLetters(store().db)).map((row) => row.id).sort((a, b) => a - b);
    expect(pending).toHaveLength(2);
    const result = await caller.deadLetters.retry({});
    expect(result).toEqual({ count: 2, ids: pending });
    const records = await appended();
    expect(records).toHaveLength(3);
    // A record that is not JSON goes back exactly as it was; an event gets the attributes.
    expect(records.map((record) => record.value)).toContain(`{not json ${"x".repeat(3_000)}`);
    expect(JSON.parse(records.find((record) => record.value.includes("refused-2"))!.value)).toMatchObject({
      redrivenby: admin.id,
    });
    expect((await caller.deadLetters.list()).rows).toEqual([]);
    expect(Object.values((await caller.deadLetters.list()).counts).every((count) => count === 0)).toBe(true);
    expect(await caller.deadLetters.retry({})).toEqual({ count: 0, ids: [] });
  });

  it("rejects an empty id list rather than taking it for all", async () => {
    await expect(callerFor(admin, log.append).deadLetters.retry({ ids: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
