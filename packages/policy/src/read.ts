// Reading a policy or rubric: from a file's text (errors with line and column), from a document
// that arrived in a policy.activated event (errors with paths only), or the built-in rubric.
import { rubric as builtinRubric } from "@maturity/model/rubric";
import type { ActivePolicy, PolicyResult } from "./active-policy.ts";
import { checkDocument } from "./check-document.ts";
import { contentHash } from "./content-hash.ts";
import { formatPath, type PolicyFileError } from "./errors.ts";
import { parseSource } from "./yaml-source.ts";

/** Reads a policy or rubric file's text (YAML or JSON); `fileName` names it in errors. */
export function readPolicyText(text: string, fileName: string): PolicyResult {
  const source = parseSource(text, fileName);
  if (!source.ok) return source;
  const checked = checkDocument(source.value);
  if (checked.ok) return checked;
  const errors: PolicyFileError[] = checked.issues.map((issue) => ({
    file: fileName,
    ...source.locate(issue),
    path: formatPath(issue.path),
    message: issue.message,
  }));
  // In file order, as an editor lists them; the sort is stable for issues at one place.
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors };
}

/** Checks a document as a policy.activated event carries it: the same rules, no positions. */
export function activePolicyFromDocument(document: unknown, source = "policy document"): PolicyResult {
  let copy: unknown;
  try {
    // A copy: the active policy must not change if the caller's object does.
    copy = structuredClone(document);
  } catch {
    return {
      ok: false,
      errors: [{ file: source, path: "", message: "expected plain data (it cannot be copied)" }],
    };
  }
  const checked = checkDocument(copy);
  if (checked.ok) return checked;
  return {
    ok: false,
    errors: checked.issues.map((issue) => ({
      file: source,
      path: formatPath(issue.path),
      message: issue.message,
    })),
  };
}

let builtin: ActivePolicy | undefined;

/**
 * The built-in rubric as the active policy: reports keep the built-in rubric's own version. Its
 * document is the rubric itself, so activating it again by event gives the same policy.
 */
export function builtinPolicy(): ActivePolicy {
  if (builtin === undefined) {
    const document = rubricDocument(builtinRubric);
    builtin = {
      kind: "builtin",
      name: "builtin",
      version: builtinRubric.version,
      rubricVersion: builtinRubric.version,
      rubric: builtinRubric,
      disabled: [],
      document,
      contentHash: contentHash(document),
    };
  }
  return builtin;
}

/** A rubric as plain JSON data, as a rubric file holds it. */
export function rubricDocument(rubric: ActivePolicy["rubric"]): Record<string, unknown> {
  return JSON.parse(JSON.stringify(rubric)) as Record<string, unknown>;
}
