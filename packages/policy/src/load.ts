// The one place this package touches the file system: reading a policy or rubric file.
import { readFile } from "node:fs/promises";
import type { PolicyResult } from "./active-policy.ts";
import { readPolicyText } from "./read.ts";

/** Reads and checks a policy or rubric file; a file that cannot be read is one error, not a throw. */
export async function loadPolicyFile(path: string): Promise<PolicyResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ file: path, path: "", message: `cannot read the policy file: ${reason}` }],
    };
  }
  return readPolicyText(text, path);
}
