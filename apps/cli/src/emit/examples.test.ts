// Every `maturity emit` example in the READMEs, the docs and `maturity emit --help` is read out of
// the text (its flags, and its data: --data '<json>' or a --data-file - heredoc) and validated
// with the catalogue's schema, so none can drift from the events it shows.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildEmitEvent, defaultSource } from "./event.ts";
import { emitHelpText } from "./help.ts";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

interface Example {
  where: string;
  type: string;
  options: Record<string, string>;
  /** The data's JSON text, or why it is not in the text (a file, standard input from a file). */
  data: { text: string } | { missing: string } | undefined;
  comment: string;
}

/** Stand-ins for CI variables: `$GITHUB_RUN_ID` becomes `github_run_id-1234`. */
function substitute(text: string): string {
  return text.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_match, name: string) => `${name.toLowerCase()}-1234`);
}

type Token = { word: string } | { operator: string };

/** Shell words of one command line, with quotes, `$VAR`s, comments and operators. */
function tokenize(line: string): { tokens: Token[]; comment: string } {
  const tokens: Token[] = [];
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === "#") return { tokens, comment: line.slice(index + 1).trim() };
    const operator = /^(<<-?|<|\||&&|;)/.exec(line.slice(index))?.[0];
    if (operator !== undefined) {
      tokens.push({ operator });
      index += operator.length;
      continue;
    }
    let word = "";
    while (index < line.length && !/[\s|;<]/.test(line[index]!)) {
      const c = line[index]!;
      if (c === "'") {
        const end = line.indexOf("'", index + 1);
        word += line.slice(index + 1, end);
        index = end + 1;
      } else if (c === '"') {
        let text = "";
        index++;
        while (line[index] !== '"') {
          if (line[index] === "\\") index++;
          text += line[index];
          index++;
        }
        word += substitute(text);
        index++;
      } else {
        let end = index;
        while (end < line.length && !/[\s'"|;<]/.test(line[end]!)) end++;
        word += substitute(line.slice(index, end));
        index = end;
      }
    }
    tokens.push({ word });
  }
  return { tokens, comment: "" };
}

const valueFlags = new Set([
  "--subject",
  "--data",
  "--data-file",
  "--source",
  "--id",
  "--time",
  "--to",
  "--token",
  "--max-attempts",
]);

function extractExamples(text: string, where: string): Example[] {
  const lines = text.split("\n");
  const examples: Example[] = [];
  for (let index = 0; index < lines.length; index++) {
    const at = lines[index]!.indexOf("maturity emit ");
    // Commands only: at the start of a line (after npx or a pipe), not prose quoting the syntax.
    if (at < 0 || !/^\s*(npx\s+)?$|\|\s*$/.test(lines[index]!.slice(0, at))) continue;
    let line = lines[index]!.slice(at + "maturity emit ".length);
    // A synopsis (`maturity emit <type> --subject <systemId> …`), not an example.
    if (line.trimStart().startsWith("<")) continue;
    while (line.endsWith("\\")) line = `${line.slice(0, -1)} ${lines[++index]!.trim()}`;
    const { tokens, comment } = tokenize(line);
    const words: string[] = [];
    let heredoc: string | undefined;
    let stdinFile: string | undefined;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      if ("word" in token) words.push(token.word);
      else if (token.operator.startsWith("<<")) heredoc = (tokens[++t] as { word: string }).word;
      else if (token.operator === "<") stdinFile = (tokens[++t] as { word: string }).word;
      else break;
    }
    const [type, ...rest] = words;
    if (type === undefined || type.startsWith("<")) continue;
    const options: Record<string, string> = {};
    for (let w = 0; w < rest.length; w++) {
      const flag = rest[w]!;
      options[flag] = valueFlags.has(flag) ? rest[++w]! : "true";
    }
    let data: Example["data"];
    if (options["--data"] !== undefined) data = { text: options["--data"] };
    else if (options["--data-file"] === "-" && heredoc !== undefined) {
      const body: string[] = [];
      while (lines[++index]!.trim() !== heredoc) body.push(lines[index]!);
      data = { text: substitute(body.join("\n")) };
    } else if (options["--data-file"] !== undefined) {
      data = { missing: stdinFile ?? options["--data-file"] };
    }
    examples.push({ where, type, options, data, comment });
  }
  return examples;
}

function markdownFiles(): string[] {
  const docs = readdirSync(path.join(repoRoot, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("docs", file));
  return ["README.md", "apps/cli/README.md", ...docs];
}

const sources: { where: string; text: string }[] = [
  { where: "maturity emit --help", text: emitHelpText },
  ...markdownFiles().map((file) => ({ where: file, text: readFileSync(path.join(repoRoot, file), "utf8") })),
];
const examples = sources.flatMap((source) => extractExamples(source.text, source.where));

describe("the maturity emit examples", () => {
  it("are found in the help and the README, with deploy, eval and owner examples", () => {
    const where = (type: string, source: string) =>
      examples.some(
        (example) => example.type === type && example.where === source && example.data !== undefined,
      );
    for (const type of ["deploy.completed", "eval.run.completed", "gov.owner.assigned"]) {
      expect(where(type, "README.md"), `${type} in README.md`).toBe(true);
      expect(where(type, "maturity emit --help"), `${type} in --help`).toBe(true);
    }
    // The README's GitHub Actions step sends its data as a heredoc on standard input.
    expect(
      examples.some(
        (example) =>
          example.where === "README.md" &&
          example.options["--data-file"] === "-" &&
          example.data !== undefined,
      ),
    ).toBe(true);
  });

  it.each(examples.map((example) => [`${example.where}: ${example.type}`, example] as const))(
    "%s is valid",
    (_name, example) => {
      const input = {
        type: example.type,
        subject: example.options["--subject"] ?? "",
        source: example.options["--source"] ?? defaultSource,
        ...(example.options["--id"] !== undefined && { id: example.options["--id"] }),
        ...(example.options["--time"] !== undefined && { time: example.options["--time"] }),
      };
      if (example.comment.includes("unknown type")) {
        const result = buildEmitEvent({ ...input, data: {} }, Date.now());
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems[0]).toMatch(/^unknown event type/);
        return;
      }
      if (example.data !== undefined && "missing" in example.data) {
        // Data from a file the text does not show: the type at least must be catalogued.
        expect(buildEmitEvent({ ...input, data: {} }, Date.now())).not.toMatchObject({
          problems: [expect.stringMatching(/^unknown event type/)],
        });
        return;
      }
      const data = example.data === undefined ? undefined : (JSON.parse(example.data.text) as unknown);
      const result = buildEmitEvent({ ...input, data }, Date.now());
      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );
});
