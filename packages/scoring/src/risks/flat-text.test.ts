import { describe, expect, it } from "vitest";
import { flatText } from "./flat-text.ts";

describe("flatText", () => {
  it("returns the same text, empty text included", () => {
    const n = 2.5;
    expect(flatText(`Level ${n.toFixed(2)} of ${"five"}.`)).toBe("Level 2.50 of five.");
    expect(flatText("")).toBe("");
  });
});
