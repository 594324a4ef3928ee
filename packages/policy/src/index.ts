// @maturity/policy: the organisation's rules as files. Policy and rubric files read, checked and
// resolved into the rubric scoring uses; exported, compared and previewed; waivers checked.
export type { ActivePolicy, DisabledCriterion, PolicyResult } from "./active-policy.ts";
export { readPolicyText, activePolicyFromDocument, builtinPolicy, rubricDocument } from "./read.ts";
export { loadPolicyFile } from "./load.ts";
export { readFileText } from "./read-file.ts";
export {
  formatPolicyError,
  formatPolicyErrors,
  formatPath,
  type DocumentIssue,
  type PolicyFileError,
} from "./errors.ts";
// zod's issues in words for people editing a file (policy, rubric and alerts files alike).
export { readableIssues, type ReadableIssueOptions } from "./zod-issues.ts";
// The reader of every YAML/JSON file of ours: values plus the line and column of any field's path.
export { parseSource, type Position, type SourceResult } from "./yaml-source.ts";
export { canonicalJson, contentHash } from "./content-hash.ts";
export { exportRubricYaml } from "./export.ts";
export {
  diffPolicy,
  isEmptyDiff,
  comparedFields,
  type PolicyDiff,
  type CriterionChange,
  type FieldChange,
  type WaiverRuleChanges,
} from "./diff.ts";
export { renderPolicyDiff } from "./diff-text.ts";
export { waiverIssue, type WaiverGrant } from "./waiver.ts";
export {
  previewPolicy,
  type PreviewInput,
  type PolicyPreview,
  type AxisChange,
  type TeamMovement,
  type CriterionMovement,
} from "./preview.ts";
export { mergePreviews } from "./merge-previews.ts";
export { policySettings } from "./settings.ts";
