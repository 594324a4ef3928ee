// The rules the platform scores with, whichever file they came from: the built-in rubric, a policy
// on top of it, or a full rubric of the organisation's own.
import type { Rubric } from "@maturity/model/rubric";
import type { PolicyFileError } from "./errors.ts";
import type { DisabledCriterion } from "./resolve.ts";

export type { DisabledCriterion };

export interface ActivePolicy {
  /**
   * `builtin`: the built-in rubric (or a file identical to it); `policy`: a file that extends it;
   * `rubric`: a full rubric file of the organisation's own.
   */
  kind: "builtin" | "policy" | "rubric";
  /** The policy's name; `builtin` for the built-in rubric; `custom` for a full rubric file. */
  name: string;
  /** The policy's version (a whole number); a rubric's version string. */
  version: number | string;
  /** What score reports record as their rubricVersion. */
  rubricVersion: string;
  /** The rubric scoring uses: overrides applied, disabled criteria removed, new ones appended. */
  rubric: Rubric;
  /** The built-in criteria the policy turns off, with its reasons. */
  disabled: DisabledCriterion[];
  /** The file's content as plain JSON: what a policy.activated event carries. */
  document: Record<string, unknown>;
  /** SHA-256 (hex) of the document's canonical JSON (keys sorted). */
  contentHash: string;
}

/** What reading a policy or rubric file (or a policy document) gives. */
export type PolicyResult = { ok: true; policy: ActivePolicy } | { ok: false; errors: PolicyFileError[] };
