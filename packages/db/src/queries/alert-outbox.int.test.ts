import { describe, expect, it } from "vitest";
import { suiteDatabase } from "../testing/suite-database.ts";
import {
  countAlertMessages,
  claimDueAlertMessage,
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
    const lease = "2026-12-01T11:01:00.000Z";
    const claimed = await claimDueAlertMessage(db, "2026-12-01T11:00:00.000Z", lease);
    expect([claimed?.messageId, claimed?.nextAttemptAt, claimed?.attempts, claimed?.status]).toEqual([
      "m1",
      lease,
      0,
      "pending",
    ]);
    expect(claimed!.message).toEqual({ alerts: [{ id: "alert-of-m1" }] });
    // m2 is not due yet, and m1 is held by its lease.
    expect(await claimDueAlertMessage(db, "2026-12-01T11:00:30.000Z", lease)).toBeUndefined();
    // A sender that died holding it: the lease runs out and another takes it up.
    expect((await claimDueAlertMessage(db, lease, "2026-12-01T11:02:00.000Z"))?.messageId).toBe("m1");
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
      (await claimDueAlertMessage(db, "2026-12-01T10:04:00Z", "2026-12-01T10:04:30Z"))?.messageId,
    ).not.toBe("m3");
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

  it("hands each due message to one of two senders claiming at once", async () => {
    const { db } = store();
    await enqueueAlertMessages(db, [
      message("c1", "2026-12-01T10:00:00Z"),
      message("c2", "2026-12-01T10:00:00Z"),
    ]);
    const claims = await Promise.all(
      [1, 2, 3].map(() => claimDueAlertMessage(db, "2026-12-01T10:00:00Z", "2026-12-01T10:01:00Z")),
    );
    const ids = claims.flatMap((row) => (row === undefined ? [] : [row.messageId])).sort();
    expect(ids).toEqual(["c1", "c2"]);
  });
});
