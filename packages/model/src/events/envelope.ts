// The CloudEvents 1.0 structured-mode envelope every maturity event travels in.
import { z } from "zod";
import { dateTime } from "./fields.ts";
import { keyLengths } from "./limits.ts";

const key = (maxLength: number) => z.string().min(1).max(maxLength);

// Media types are case-insensitive; a utf-8 charset parameter is what many HTTP clients add.
const jsonContentType = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

const envelopeShape = {
  specversion: z.literal("1.0"),
  /** Unique per source; (source, id) is the dedup key. */
  id: key(keyLengths.id),
  /** URI-reference of the emitting tool; not parsed as a URL because relative references are valid. */
  source: key(keyLengths.source),
  time: dateTime,
  /** The system id (for gpu.queue.configured, the queue name). */
  subject: key(keyLengths.subject),
  datacontenttype: z
    .string()
    .regex(jsonContentType, { error: (iss) => `expected application/json, got ${JSON.stringify(iss.input)}` })
    .optional(),
  /**
   * The URI of the schema `data` follows. Ingest sets it to the type's published JSON Schema
   * (packages/model/src/contracts), whatever the sender put there: that is what it was checked against.
   */
  dataschema: z.string().min(1).optional(),
};

export type EnvelopeShape = typeof envelopeShape;

/**
 * The envelope of one event type. Loose: CloudEvents extension attributes
 * (traceparent, partitionkey, …) are kept in the parsed output.
 */
export function eventEnvelope<const T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.looseObject({ ...envelopeShape, type: z.literal(type), data });
}
