// A policy or rubric document (plain data, from a file or an event) checked whole and turned into
// the active policy, or the list of everything wrong with it. Nothing is half-loaded.
import {
  rubric as builtinRubric,
  policySchema,
  rubricIssues,
  rubricSchema,
  type Rubric,
} from "@maturity/model/rubric";
import type { ActivePolicy } from "./active-policy.ts";
import { canonicalJson, contentHash } from "./content-hash.ts";
import { atFieldKey, type DocumentIssue } from "./errors.ts";
import { plainJsonIssues } from "./plain-json.ts";
import { policyIssues } from "./policy-checks.ts";
import { resolvePolicy } from "./resolve.ts";
import { readableIssues } from "./zod-issues.ts";

export type CheckedDocument = { ok: true; policy: ActivePolicy } | { ok: false; issues: DocumentIssue[] };

export function checkDocument(value: unknown, builtin: Rubric = builtinRubric): CheckedDocument {
  const notPlain = plainJsonIssues(value);
  if (notPlain.length > 0) return { ok: false, issues: notPlain };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      ok: false,
      issues: [
        { path: [], message: `expected a policy or a rubric, a map of fields (got ${describe(value)})` },
      ],
    };
  const document = value as Record<string, unknown>;
  if (Object.hasOwn(document, "extends")) return checkPolicy(document, builtin);
  if (Object.hasOwn(document, "criteria")) return checkRubric(document, builtin);
  return {
    ok: false,
    issues: [
      {
        path: [],
        message:
          "neither a policy nor a rubric: a policy names the built-in rubric it changes under extends (e.g. extends: builtin@" +
          `${builtin.version}); a full rubric lists its criteria`,
      },
    ],
  };
}

function describe(value: unknown): string {
  if (value === null) return "an empty file";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? "text" : String(value);
}

function checkPolicy(document: Record<string, unknown>, builtin: Rubric): CheckedDocument {
  const parsed = policySchema.safeParse(document, { reportInput: true });
  if (!parsed.success)
    return { ok: false, issues: readableIssues(parsed.error.issues, policySchema, document) };
  const policy = parsed.data;
  const issues = policyIssues(policy, builtin);
  if (issues.length > 0) return { ok: false, issues };
  const { rubric, disabled } = resolvePolicy(policy, builtin);
  return {
    ok: true,
    policy: {
      kind: "policy",
      name: policy.name,
      version: policy.version,
      rubricVersion: rubric.version,
      rubric,
      disabled,
      document,
      contentHash: contentHash(document),
    },
  };
}

function checkRubric(document: Record<string, unknown>, builtin: Rubric): CheckedDocument {
  const parsed = rubricSchema.safeParse(document, { reportInput: true });
  if (!parsed.success)
    return { ok: false, issues: readableIssues(parsed.error.issues, rubricSchema, document) };
  const rubric = parsed.data;
  const issues: DocumentIssue[] = rubricIssues(rubric).map(atFieldKey);
  // A report's rubricVersion must tell which rules made it: a full rubric may not pass for the
  // built-in one or for a policy on it.
  const isBuiltin = canonicalJson(rubric) === canonicalJson(builtin);
  if (rubric.version.startsWith("builtin@"))
    issues.push({
      path: ["version"],
      message:
        "versions starting builtin@ name the built-in rubric and policies on it; give this rubric a version of its own",
    });
  else if (rubric.version === builtin.version && !isBuiltin)
    issues.push({
      path: ["version"],
      message: `${builtin.version} is the built-in rubric's version, and this rubric differs from it; give it a version of its own so reports tell the two apart`,
    });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    policy: {
      kind: isBuiltin ? "builtin" : "rubric",
      name: isBuiltin ? "builtin" : "custom",
      version: rubric.version,
      rubricVersion: rubric.version,
      rubric,
      disabled: [],
      document,
      contentHash: contentHash(document),
    },
  };
}
