import { describe, expect, it } from "vitest";
import { failureKind, failureReason } from "./failure-kind.ts";

function withCode(code: string, message = "failed"): Error {
  return Object.assign(new Error(message), { code });
}

describe("failureKind", () => {
  it.each([
    ["ECONNREFUSED"],
    ["ECONNRESET"],
    ["CONNECTION_CLOSED"],
    ["CONNECT_TIMEOUT"],
    ["57P01"], // terminating connection due to administrator command (a restart)
    ["57P03"], // the database system is starting up
    ["08006"], // connection failure
    ["40001"], // serialization failure: a passing conflict
    ["40P01"], // deadlock
    ["53300"], // too many connections
  ])("waits out %s", (code) => {
    expect(failureKind(withCode(code))).toBe("unavailable");
  });

  it.each([
    ["23502"], // not-null violation
    ["23514"], // check violation
    ["22P05"], // untranslatable character (a NUL in jsonb)
    ["54000"], // index row size exceeds the maximum
    ["22008"], // datetime field overflow
  ])("treats %s as a reason in the data", (code) => {
    expect(failureKind(withCode(code))).toBe("data");
  });

  it("looks through the ORM's wrapping to the driver's error", () => {
    const wrapped = new Error("Failed query: insert into ...", { cause: withCode("57P01", "terminating") });
    expect(failureKind(wrapped)).toBe("unavailable");
    const refused = new Error("Failed query: insert into ...", {
      cause: withCode("23514", 'new row violates check constraint "no_forbidden"'),
    });
    expect(failureKind(refused)).toBe("data");
    expect(failureReason(refused)).toBe('new row violates check constraint "no_forbidden"');
  });

  it("calls a WebAssembly fault fatal, and a plain exception from our code a reason in the data", () => {
    const fault = Object.assign(new Error("memory access out of bounds"), { name: "RuntimeError" });
    expect(failureKind(new Error("Failed query", { cause: fault }))).toBe("fatal");
    expect(failureKind(new TypeError("cannot read properties of undefined"))).toBe("data");
  });
});
