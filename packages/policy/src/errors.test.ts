import { describe, expect, it } from "vitest";
import { formatPath, formatPolicyError, formatPolicyErrors } from "./errors.ts";

describe("formatPath", () => {
  it("writes indexes in brackets and keys with dots", () => {
    expect(formatPath(["criteria", 12, "degree", "that", "environment"])).toBe(
      "criteria[12].degree.that.environment",
    );
    expect(formatPath([])).toBe("");
  });

  it("quotes keys that are not plain names", () => {
    expect(formatPath(["criteria", 0, "degree", "that", "a.b"])).toBe('criteria[0].degree.that["a.b"]');
  });
});

describe("formatPolicyError", () => {
  it("reads file:line:column: path: message", () => {
    expect(
      formatPolicyError({
        file: "policy.yaml",
        line: 12,
        column: 7,
        path: "criteria[2].degree.that.environment",
        message: "expected one of production, staging",
      }),
    ).toBe("policy.yaml:12:7: criteria[2].degree.that.environment: expected one of production, staging");
  });

  it("leaves out what is unknown or empty", () => {
    expect(formatPolicyError({ file: "event e-1", path: "version", message: "must be at least 1" })).toBe(
      "event e-1: version: must be at least 1",
    );
    expect(formatPolicyError({ file: "p.yaml", line: 1, column: 1, path: "", message: "empty" })).toBe(
      "p.yaml:1:1: empty",
    );
  });

  it("puts one error on each line", () => {
    const error = { file: "p.yaml", line: 1, column: 1, path: "", message: "x" };
    expect(formatPolicyErrors([error, { ...error, line: 2 }])).toBe("p.yaml:1:1: x\np.yaml:2:1: x");
  });
});
