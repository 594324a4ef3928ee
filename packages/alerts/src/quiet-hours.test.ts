import { describe, expect, it } from "vitest";
import { quietHoursEnd } from "./quiet-hours.ts";

const berlin = { from: "22:00", to: "07:00", timeZone: "Europe/Berlin" };
const end = (now: string, quiet = berlin) => quietHoursEnd(new Date(now), quiet)?.toISOString();

describe("quietHoursEnd", () => {
  it.each([
    ["late evening, local time", "2026-03-01T22:30:00Z", "2026-03-02T06:00:00.000Z"],
    ["just after it starts", "2026-03-01T21:00:00Z", "2026-03-02T06:00:00.000Z"],
    ["early morning", "2026-03-02T05:59:30Z", "2026-03-02T06:00:00.000Z"],
    // Clocks go forward at 02:00 on 29 March 2026: 07:00 CEST is 05:00 UTC.
    ["over the night clocks go forward", "2026-03-28T22:00:00Z", "2026-03-29T05:00:00.000Z"],
    // And back at 03:00 on 25 October 2026: 07:00 CET is 06:00 UTC.
    ["over the night clocks go back", "2026-10-24T21:00:00Z", "2026-10-25T06:00:00.000Z"],
  ])("holds a message %s until 07:00 in Berlin", (_, now, expected) => {
    expect(end(now)).toBe(expected);
  });

  it.each([
    ["in the afternoon", "2026-03-02T12:00:00Z"],
    ["the minute quiet hours end", "2026-03-02T06:00:00Z"],
    ["the minute before they start", "2026-03-01T20:59:59Z"],
  ])("lets a message go %s", (_, now) => {
    expect(end(now)).toBeUndefined();
  });

  it("takes a window that does not span midnight", () => {
    const lunch = { from: "12:00", to: "13:30", timeZone: "UTC" };
    expect(end("2026-03-02T12:10:00Z", lunch)).toBe("2026-03-02T13:30:00.000Z");
    expect(end("2026-03-02T13:30:00Z", lunch)).toBeUndefined();
    expect(end("2026-03-02T11:59:00Z", lunch)).toBeUndefined();
  });
});
