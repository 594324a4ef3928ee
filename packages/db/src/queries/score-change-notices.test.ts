import { describe, expect, it } from "vitest";
import { decodeScoreChangeNotice, encodeScoreChangeNotice } from "./score-change-notices.ts";

describe("score change notices", () => {
  it("name each system once, in order", () => {
    expect(decodeScoreChangeNotice(encodeScoreChangeNotice(["b", "a", "b"]))).toEqual({
      systemIds: ["a", "b"],
    });
  });

  it("say 'everything' when the list would not fit a NOTIFY payload", () => {
    const many = Array.from({ length: 2_000 }, (_, index) => `system-${index}`);
    expect(Buffer.byteLength(encodeScoreChangeNotice(many))).toBeLessThan(8_000);
    expect(decodeScoreChangeNotice(encodeScoreChangeNotice(many))).toEqual({ systemIds: null });
  });

  it("read anything malformed as 'everything', never as 'nothing'", () => {
    expect(decodeScoreChangeNotice("{not json")).toEqual({ systemIds: null });
    expect(decodeScoreChangeNotice('{"systemIds":[1,2]}')).toEqual({ systemIds: null });
  });
});
