import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { ToolError } from "./tool-kit.ts";

const key = z.object({ id: z.string() });

describe("page cursors", () => {
  it("give back the position for the same tool and filters, whatever the filters' key order", () => {
    const cursor = encodeCursor("find_systems", { team: "risk", kind: "llm" }, { id: "fraud-scoring" });
    expect(
      decodeCursor("find_systems", { kind: "llm", team: "risk", query: undefined }, cursor, key),
    ).toEqual({
      id: "fraud-scoring",
    });
  });

  it("refuse a cursor of other filters or another tool, saying to start over", () => {
    const cursor = encodeCursor("find_systems", { team: "risk" }, { id: "a" });
    expect(() => decodeCursor("find_systems", { team: "growth" }, cursor, key)).toThrow(/another call/);
    expect(() => decodeCursor("list_risks", { team: "risk" }, cursor, key)).toThrow(ToolError);
  });

  it("refuse text that is no cursor, or a cursor whose position has the wrong shape", () => {
    expect(() => decodeCursor("find_systems", {}, "%%%", key)).toThrow(/without a cursor/);
    const wrongShape = encodeCursor("find_systems", {}, { rank: 1 });
    expect(() => decodeCursor("find_systems", {}, wrongShape, key)).toThrow(/without a cursor/);
  });
});
