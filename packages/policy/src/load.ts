// The one place this package touches the file system: reading a policy or rubric file.
import type { PolicyResult } from "./active-policy.ts";
import { readFileText } from "./read-file.ts";
import { readPolicyText } from "./read.ts";

/** Reads and checks a policy or rubric file; a file that cannot be read is one error, not a throw. */
export async function loadPolicyFile(path: string): Promise<PolicyResult> {
  const read = await readFileText(path, "policy file");
  return read.ok ? readPolicyText(read.text, path) : read;
}
