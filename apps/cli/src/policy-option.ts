// `--policy <file>`: the rules a command scores with. A bad file stops the command with every
// problem at its file, line and column, before any event is read.
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy, formatPolicyErrors, loadPolicyFile } from "@maturity/policy";

/** The policy a file gives (the built-in rubric without one), or undefined after printing why not. */
export async function policyFromOption(
  file: string | undefined,
  command: string,
): Promise<ActivePolicy | undefined> {
  if (file === undefined) return builtinPolicy();
  const read = await loadPolicyFile(file);
  if (read.ok) return read.policy;
  process.stderr.write(
    `maturity ${command}: ${file} is not a valid policy or rubric; nothing was scored.\n${indent(formatPolicyErrors(read.errors))}\n`,
  );
  process.exitCode = 2;
  return undefined;
}

const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
