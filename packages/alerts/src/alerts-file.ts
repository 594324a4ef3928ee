// Reading the alerts file (MATURITY_ALERTS): refused whole, with every problem at its line, column
// and path, or accepted with its credentials resolved. Nothing is half-loaded: a rule that cannot
// be checked is no rule to alert on.
import { alertsFileSchema } from "./alerts-schema.ts";
import { checkAlertsFile, type AlertsConfig } from "./file-checks.ts";
import { formatPath, type AlertsFileError, type FileIssue } from "./file-errors.ts";
import type { SecretLookup } from "./secrets.ts";
import { parseSource, readableIssues, readFileText, type Position } from "@maturity/policy";

/** The fields that hold credentials: no error message repeats what is written in them. */
const credentialFields = ["url", "secret"];

export type AlertsFileResult = { ok: true; value: AlertsConfig } | { ok: false; errors: AlertsFileError[] };

export interface AlertsFileOptions {
  /** Resolves `${ENV_NAME}` credentials; without it, any reference is an error. */
  secrets?: SecretLookup;
}

/** Reads and checks the alerts file's text; `file` names it in errors. */
export function parseAlertsText(
  text: string,
  file: string,
  options: AlertsFileOptions = {},
): AlertsFileResult {
  const document = parseSource(text, file);
  if (!document.ok) return { ok: false, errors: document.errors.map(withoutCredentialKeys) };
  const located = (issues: readonly FileIssue[]) => ({
    ok: false as const,
    errors: sortedErrors(issues.map((issue) => ({ file, ...document.locate(issue), issue }))),
  });
  // reportInput: messages can say what was written instead, never for credentials.
  const value = document.value ?? {};
  const parsed = alertsFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success)
    return located(
      readableIssues(parsed.error.issues, alertsFileSchema, value, { secretFields: credentialFields }),
    );
  const { issues, config } = checkAlertsFile(parsed.data, file, options.secrets);
  return issues.length > 0 ? located(issues) : { ok: true, value: config };
}

/** Reads and checks an alerts file; a file that cannot be read is one error, not a throw. */
export async function readAlertsFile(
  path: string,
  options: AlertsFileOptions = {},
): Promise<AlertsFileResult> {
  const read = await readFileText(path, "alerts file");
  return read.ok ? parseAlertsText(read.text, path, options) : read;
}

// A syntax error's path is the field it is in, which a credential can be part of: in
// `secret: whsec_…: x`, the YAML reader sees a key named after the secret. Such a path stops at
// the credential's field.
function withoutCredentialKeys(error: AlertsFileError): AlertsFileError {
  const credential = belowCredential.exec(error.path);
  return credential === null ? error : { ...error, path: credential[1] as string };
}

/** A path going on past a `url` or `secret` field (`destinations.ops.secret.…`); group 1 ends at it. */
const belowCredential = /^(.*?(?:^|\.)(?:url|secret))[.[]/;

// In file order, as an editor lists them; the sort is stable for issues at one place.
function sortedErrors(
  located: readonly ({ file: string; issue: FileIssue } & Position)[],
): AlertsFileError[] {
  return [...located]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(({ file, line, column, issue }) => ({
      file,
      line,
      column,
      path: formatPath(issue.path),
      message: issue.message,
    }));
}
