import { describe, expect, it } from "vitest";
import { WorkerHealth } from "./health.ts";

function record(position: string, appendedAt?: number) {
  return { key: "k", value: "{}", position, ...(appendedAt !== undefined && { appendedAt }) };
}

describe("WorkerHealth", () => {
  it("reports the age of the oldest event held and not yet applied, from when the log took it", () => {
    let now = 100_000;
    const health = new WorkerHealth(() => now, 60_000);
    expect(health.oldestWaitingAgeSeconds()).toBe(0);
    const release = health.hold([record("a@1", 90_000), record("a@2", 95_000)]);
    const releaseOther = health.hold([record("b@1")]);
    now = 101_000;
    expect(health.oldestWaitingAgeSeconds()).toBe(11);
    release();
    expect(health.oldestWaitingAgeSeconds()).toBe(1);
    releaseOther();
    expect(health.oldestWaitingAgeSeconds()).toBe(0);
  });

  it("is not ready once a batch has been held past the stall timeout, and ready again when it is applied", () => {
    let now = 0;
    const health = new WorkerHealth(() => now, 60_000);
    const release = health.hold([record("a@1", 0)]);
    now = 59_000;
    expect(health.readiness()).toEqual({ ready: true, reasons: [] });
    now = 61_000;
    expect(health.readiness()).toEqual({
      ready: false,
      reasons: ["the worker has not advanced for 61 s while events wait (limit 60 s)"],
    });
    release();
    expect(health.readiness().ready).toBe(true);
  });

  it("is not ready while the database refuses writes, or after the embedded database broke", () => {
    const health = new WorkerHealth(() => 0, 60_000);
    health.databaseWritable = false;
    health.lastDatabaseError = "connect ECONNREFUSED 127.0.0.1:5432";
    expect(health.readiness().reasons).toEqual([
      "the worker cannot write to the database (connect ECONNREFUSED 127.0.0.1:5432)",
    ]);
    health.databaseWritable = true;
    health.fault = "memory access out of bounds";
    expect(health.readiness()).toEqual({
      ready: false,
      reasons: ["the embedded database broke: memory access out of bounds"],
    });
  });
});
