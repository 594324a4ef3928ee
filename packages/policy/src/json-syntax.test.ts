import { describe, expect, it } from "vitest";
import { jsonSyntaxError } from "./json-syntax.ts";

describe("jsonSyntaxError", () => {
  it("accepts JSON", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', "[]", ' "text" ', "\ufeff{}"])
      expect(jsonSyntaxError(text), text).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 8, "expected a property name in double quotes"],
    ['{"a": 1 "b": 2}', 8, "expected , or } after the property's value"],
    ["[1, 2,]", 6, "expected a value"],
    ["{'a': 1}", 1, "expected a property name in double quotes"],
    ['{"a": 1} // note', 9, "unexpected text after the end"],
    ['{"a": "x\\qy"}', 8, "invalid escape"],
    ['{"a" 1}', 5, "expected : after the property name"],
    ['{"a": 01}', 7, "expected , or }"],
    ['{"a": [1, 2', 11, "unexpected end of the file"],
  ])("finds %j's error at offset %i", (text, offset, message) => {
    const error = jsonSyntaxError(text);
    expect(error?.offset).toBe(offset);
    expect(error?.message).toContain(message);
  });

  it("refuses nesting deep enough to exhaust the stack", () => {
    expect(jsonSyntaxError("[".repeat(100_000))?.message).toContain("nested more than 64 levels deep");
  });
});
