// Reading one of our files (a policy, a rubric, an alerts file) from disk: a file that cannot be
// read is one error in the files' usual form, never a throw.
import { readFile } from "node:fs/promises";
import type { PolicyFileError } from "./errors.ts";

/** The file's text, or the one error saying why it cannot be read (`what`: "policy file", …). */
export async function readFileText(
  path: string,
  what: string,
): Promise<{ ok: true; text: string } | { ok: false; errors: PolicyFileError[] }> {
  try {
    return { ok: true, text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ file: path, path: "", message: `cannot read the ${what}: ${reason}` }] };
  }
}
