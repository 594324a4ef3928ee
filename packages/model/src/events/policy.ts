import { z } from "zod";
import { text } from "./fields.ts";

/** The subject of organisation-wide policy events: they are about no one system. */
export const policySubject = "policy";

export const policyEventData = {
  /**
   * The rules scoring uses changed. `document` is the policy (or full rubric) file as parsed, so
   * every process applies exactly what was activated.
   */
  "policy.activated": z.looseObject({
    name: text,
    /** The policy's version as its file gives it (a full rubric file: its version string). */
    version: z.union([z.int().min(1), text]),
    /** The report's rubricVersion under this policy, e.g. builtin@2026.11-1+acme-bank@7. */
    rubricVersion: text,
    /** SHA-256 (hex) of the document's canonical JSON. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    actor: text,
    document: z.record(z.string(), z.unknown()),
  }),
} as const;
