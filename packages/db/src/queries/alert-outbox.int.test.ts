import { describe, expect, it } from "vitest";
import { suiteDatabase } from "../testing/suite-database.ts";
import {
  countAlertMessages,
  dueAlertMessages,
  enqueueAlertMessages,
  listAlertMessages,
  recordAlertAttempt,
} from "./alert-outbox.ts";

const message = (messageId: string, sendAt: string, destination = "ml-oncall") => ({
  messageId,
  destination,
  message: { alerts: [{ id: `alert-of-${messageId}` }] },
  sendAt,
});

describe.each(["pglite", "postgres"] as const)("the alert outbox (%s)", (driver) => {
  const store = suiteDatabase(driver);

  it("keeps a message once, however often its batch is redelivered, and hands out only what is due", async () => {
    const { db } = store();
    await enqueueAlertMessages(db, [
      message("m1", "2026-12-01T10:00:00Z"),
      message("m2", "2026-12-01T12:00:00Z"),
    ]);
    await db.transaction(async (tx) => enqueueAlertMessages(tx, [message("m1", "2026-12-01T11:00:00Z")]));
    const due = await dueAlertMessages(db, "2026-12-01T11:00:00.000Z", 10);
    expect(due.map((row) => [row.messageId, row.nextAttemptAt, row.attempts, row.status])).toEqual([
      ["m1", "2026-12-01T10:00:00.000Z", 0, "pending"],
    ]);
    expect(due[0]!.message).toEqual({ alerts: [{ id: "alert-of-m1" }] });
  });

  it("records retries, delivery and the dead state, each attempt once", async () => {
    const { db } = store();
    await enqueueAlertMessages(db, [
      message("m3", "2026-12-01T10:00:00Z"),
      message("m4", "2026-12-01T10:00:00Z"),
    ]);
    expect(
      await recordAlertAttempt(db, "m3", {
        kind: "retry",
        at: "2026-12-01T10:00:01Z",
        nextAttemptAt: "2026-12-01T10:05:00Z",
        status: 503,
        error: "503 from the receiver",
      }),
    ).toBe(true);
    expect(
      (await dueAlertMessages(db, "2026-12-01T10:04:00Z", 10)).map((row) => row.messageId),
    ).not.toContain("m3");
    expect(
      await recordAlertAttempt(db, "m3", { kind: "delivered", at: "2026-12-01T10:05:01Z", status: 200 }),
    ).toBe(true);
    // A second sender finishing the same message changes nothing.
    expect(
      await recordAlertAttempt(db, "m3", { kind: "delivered", at: "2026-12-01T10:05:02Z", status: 200 }),
    ).toBe(false);
    expect(
      await recordAlertAttempt(db, "m4", {
        kind: "dead",
        at: "2026-12-01T10:00:01Z",
        status: 400,
        error: "400: bad",
      }),
    ).toBe(true);
    const log = await listAlertMessages(db);
    expect(log.find((row) => row.messageId === "m3")).toMatchObject({
      status: "delivered",
      attempts: 2,
      lastStatus: 200,
      lastError: null,
      finishedAt: "2026-12-01T10:05:01.000Z",
    });
    expect(log.find((row) => row.messageId === "m4")).toMatchObject({
      status: "dead",
      attempts: 1,
      lastStatus: 400,
      lastError: "400: bad",
    });
    expect((await listAlertMessages(db, { status: "dead" })).map((row) => row.messageId)).toEqual(["m4"]);
    expect(await countAlertMessages(db)).toEqual({ pending: 2, delivered: 1, dead: 1 });
  });
});
