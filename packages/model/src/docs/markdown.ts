// Small Markdown helpers shared by the generated pages.

/** The first line of every generated page: where it comes from and how to regenerate it. */
export function generatedNotice(from: string): string {
  return `<!-- Generated from ${from} by \`npm run docs -w @maturity/model\`; do not edit by hand. -->`;
}

/** A pipe table; cells may hold Markdown (pipes and line breaks are escaped). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** Inline code, with a fence long enough for backticks inside. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A list joined as prose: "a", "a and b", "a, b and c". */
export function prose(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** An explicit anchor, so links do not depend on how a host turns headings into ids. */
export function anchor(id: string): string {
  return `<a id="${id}"></a>`;
}

export const number = (value: number) => value.toLocaleString("en");

/**
 * JSON with small objects and arrays kept on one line, so examples stay short enough to read.
 * Deterministic: the same value always prints the same text.
 */
export function compactJson(value: unknown, indent = "", lead = 0): string {
  const flat = inlineJson(value);
  if (value === null || typeof value !== "object" || indent.length + lead + flat.length <= 120) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + compactJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  const lines = definedEntries(value).map(
    ([key, v]) => `${inner}${JSON.stringify(key)}: ${compactJson(v, inner, JSON.stringify(key).length + 2)}`,
  );
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** One line, with a space after each colon and comma. */
function inlineJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  const entries = definedEntries(value).map(([key, v]) => `${JSON.stringify(key)}: ${inlineJson(v)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}
