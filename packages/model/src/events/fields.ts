// Field types shared by the event data schemas. Internal to the events folder.
import { z } from "zod";

/** A required identifier or name: any non-empty string. */
export const text = z.string().min(1);
/** Counts of things: tokens, steps, findings, GPUs. */
export const count = z.int().min(0);
/** Durations, latencies, costs, GPU hours. */
export const amount = z.number().min(0);
export const percent = z.number().min(0).max(100);
/** 1 is the most severe. */
export const severity = z.int().min(1).max(4);
/** RFC 3339 with seconds and an explicit offset (Z or ±hh:mm); a time without a zone is ambiguous. */
export const dateTime = z.iso.datetime({ offset: true });
