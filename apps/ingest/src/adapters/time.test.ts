import { describe, expect, it } from "vitest";
import { secondsBetween, toRfc3339 } from "./time.ts";

describe("toRfc3339", () => {
  it.each([
    ["2016-08-12 15:23:28 UTC", "2016-08-12T15:23:28.000Z"],
    ["2021-04-28 21:50:00 +0200", "2021-04-28T19:50:00.000Z"],
    ["2021-04-28 21:50:00 -05:30", "2021-04-29T03:20:00.000Z"],
    ["2021-12-16T19:37:22Z", "2021-12-16T19:37:22.000Z"],
    ["2021-12-16T19:37:22.123+01:00", "2021-12-16T18:37:22.123Z"],
    [1_700_000_000, "2023-11-14T22:13:20.000Z"],
    [1_700_000_000_000, "2023-11-14T22:13:20.000Z"],
  ] as const)("reads %s", (input, expected) => {
    expect(toRfc3339(input)).toBe(expected);
  });

  it.each(["2021-12-16 19:37:22", "yesterday", "", null, {}, Number.NaN, "9999999-01-01T00:00:00Z"])(
    "refuses %s (no zone, or not a time)",
    (input) => {
      expect(toRfc3339(input)).toBeUndefined();
    },
  );

  it("measures durations and refuses backwards ones", () => {
    expect(secondsBetween("2016-08-12 15:23:28 UTC", "2016-08-12 15:26:29 UTC")).toBe(181);
    expect(secondsBetween("2016-08-12 15:26:29 UTC", "2016-08-12 15:23:28 UTC")).toBeUndefined();
  });
});
