// The score report's JSON Schema: what `maturity score --json` prints and the API serves, read
// off the zod schema both are produced against, in the words of docs/score-report.md.
import { exampleReport } from "../docs/score-report.ts";
import { reportFieldNotes, reportPlaceholders } from "../docs/score-report-notes.ts";
import { scoreReportSchema } from "../report/score-report.ts";
import { scoreReportSchemaId } from "./ids.ts";
import { describeFields, jsonSchemaTree, withoutDocsKeywords, type SchemaNode } from "./json-schema.ts";

export function scoreReportJsonSchema(): SchemaNode {
  // "output": a report is produced, never sent, so the schema says what a reader can rely on.
  const tree = jsonSchemaTree(scoreReportSchema, "output");
  describeFields(tree, withRepeats(reportFieldNotes), reportPlaceholders);
  const { $schema, ...rest } = withoutDocsKeywords(tree);
  return {
    $schema,
    $id: scoreReportSchemaId,
    title: "Score report",
    description:
      "For one moment (`asOf`): every system's score on each of the five axes with the criteria and events behind it, its operational metrics and risks, and the medians per team and for the organisation (docs/score-report.md).",
    ...rest,
    examples: [exampleReport()],
  };
}

// docs/score-report.md shows the organisation's risks and tracks as "same as" the systems' and the
// teams'; the schema repeats them in full, so their fields get the same words.
const repeats = { "org.risks": "systems[].risks", "org.tracks": "teams[].tracks" };

function withRepeats(notes: Record<string, string>): Record<string, string> {
  const copies = Object.entries(repeats).flatMap(([copy, original]) =>
    Object.entries(notes)
      .filter(([path]) => path.startsWith(original) && /^[.[]/.test(path.slice(original.length)))
      .map(([path, words]) => [copy + path.slice(original.length), words] as const),
  );
  return { ...Object.fromEntries(copies), ...notes };
}
