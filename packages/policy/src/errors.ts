// What a refused policy or rubric file says: one entry per problem, each pointing at the place in
// the file (when there is a file) and the path of the field, in the form editors can jump to.

/** A problem found in a policy or rubric file, or in a policy document that arrived in an event. */
export interface PolicyFileError {
  /** The file name as given (or what the document came from). */
  file: string;
  /** 1-based; absent when the document came without its text. */
  line?: number;
  column?: number;
  /** The field, e.g. `criteria[12].degree.that.environment`; empty for the document as a whole. */
  path: string;
  message: string;
}

/** A problem before positions are known: the path as zod gives it. */
export interface DocumentIssue {
  path: readonly PropertyKey[];
  message: string;
  /** Point at the key rather than its value (an unknown field, a duplicate key). */
  atKey?: boolean;
}

/** A rule's where/that field the population lacks is pointed at by its key, not its condition. */
export function atFieldKey(issue: DocumentIssue): DocumentIssue {
  const parent = issue.path[issue.path.length - 2];
  return parent === "where" || parent === "that" ? { ...issue, atKey: true } : issue;
}

/** `criteria[12].degree.that.environment`: indexes in brackets, odd keys quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$-]*$/.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** `file:line:column: path: message`; the parts that are unknown or empty are left out. */
export function formatPolicyError(error: PolicyFileError): string {
  const place = error.line === undefined ? error.file : `${error.file}:${error.line}:${error.column ?? 1}`;
  return error.path === "" ? `${place}: ${error.message}` : `${place}: ${error.path}: ${error.message}`;
}

export function formatPolicyErrors(errors: readonly PolicyFileError[]): string {
  return errors.map(formatPolicyError).join("\n");
}
