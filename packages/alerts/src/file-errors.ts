// A refused alerts file says what a refused policy file says, in the same form
// (`file:line:column: path: message`): one error type and one formatter for every file we read.
import {
  formatPath,
  formatPolicyError,
  formatPolicyErrors,
  type DocumentIssue,
  type PolicyFileError,
} from "@maturity/policy";

/** A problem in the alerts file: where (file, line, column, the field's path) and what. */
export type AlertsFileError = PolicyFileError;

/** A problem before positions are known: the field's path as zod gives it. */
export type FileIssue = DocumentIssue;

export { formatPath };
export const formatAlertsFileError = formatPolicyError;
export const formatAlertsFileErrors = formatPolicyErrors;
