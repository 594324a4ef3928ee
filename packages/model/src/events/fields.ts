// Field types shared by the event data schemas. Internal to the events folder; their bounds come
// from limits.ts.
import { z } from "zod";
import { keyLengths, numberRanges, type NumberRange } from "./limits.ts";
import { eventTimeIssue } from "./time-window.ts";

/** A required identifier or name: any non-empty string up to the name length. */
export const text = z.string().min(1).max(keyLengths.name);

/**
 * A number in the documented range of what it measures (limits.ts); finite, as zod requires. The
 * measure is kept as metadata, so the docs list which fields each range applies to.
 */
export function measure(range: NumberRange, integer = false) {
  const { min, max } = numberRanges[range];
  return (integer ? z.int() : z.number()).min(min).max(max).meta({ measure: range });
}

/** Counts of things: tokens, steps, findings, GPUs. */
export const count = measure("count", true);
export const percent = measure("percent");
/** 1 is the most severe. */
export const severity = measure("severity", true);

/**
 * RFC 3339 with seconds and an explicit offset (Z or ±hh:mm); a time without a zone is ambiguous.
 * It must fall in the time window (limits.ts), checked against the parse's clock.
 */
export const dateTime = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const issue = eventTimeIssue(value);
  if (issue !== undefined) ctx.addIssue({ code: "custom", message: issue, input: value });
});

/**
 * A deadline (a waiver's expiry): RFC 3339 with an explicit offset, at or after the window's
 * earliest time, and as far ahead as it needs to be.
 */
export const deadline = z.iso
  .datetime({ offset: true })
  .superRefine((value, ctx) => {
    const issue = eventTimeIssue(value, { future: true });
    if (issue !== undefined) ctx.addIssue({ code: "custom", message: issue, input: value });
  })
  .meta({ deadline: true });
