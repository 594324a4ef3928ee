// docs/schemas/: the published JSON Schemas as files, and a README listing them, so they can be
// read, diffed and linked in the repository. Ingest serves the same documents (contracts/).
import { publishedSchemas, schemasPath, type SchemaNode } from "../contracts/index.ts";
import { timeWindow } from "../events/limits.ts";
import { code, generatedNotice, table } from "./markdown.ts";

/** A schema as a file: indented JSON, as diffable as it gets. */
export function renderSchemaFile(schema: SchemaNode): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Where a schema's file is under docs/schemas: events in their own folder. */
export function schemaDocPath(file: string, kind: "event" | "report"): string {
  return kind === "event" ? `events/${file}` : file;
}

export function renderSchemasReadme(): string {
  const entries = [...publishedSchemas().values()].map((item) => item.entry);
  const row = (entry: (typeof entries)[number]) => [
    `[${code(entry.title)}](${schemaDocPath(entry.file, entry.kind)})`,
    code(entry.$id),
    entry.kind === "event" ? entry.description : "The score report.",
  ];
  return `${generatedNotice("the zod schemas, through packages/model/src/contracts,")}

# Published schemas

A JSON Schema (draft 2020-12) of every event type, each the whole CloudEvent (envelope and
\`data\`), and one of the score report. They are generated from the zod schemas ingest validates
with and scoring produces against, so they accept exactly the shapes those do, and a test keeps
these files current. Ingest serves the same documents, public like any contract:

- \`GET ${schemasPath}\` lists them (file, \`$id\`, title, description);
- \`GET ${schemasPath}/<type>.json\` is one event type's, \`GET ${schemasPath}/score-report.json\` the report's;
- the whole ingest HTTP API is described in [openapi.json](../openapi.json) (\`GET /v1/openapi.json\`).

## Ids and \`dataschema\`

A schema's \`$id\` is a path, \`${schemasPath}/<type>.json\`, not an absolute URL. A relative \`$id\`
resolves against wherever the document was fetched from, so the files here and the copy any
deployment serves are the same bytes, and a deployment's copy still names itself by its own
address. Nothing in the ids depends on where the platform runs.

Ingest gives every event it stores a \`dataschema\` (replacing any the sender sent: the event was
checked against ours): \`<MATURITY_PUBLIC_URL>${schemasPath}/<type>.json#/properties/data\`, the
\`$id\` resolved against the platform's public address. CloudEvents means \`dataschema\` as the
schema of \`data\`, so the URI points (a JSON Pointer fragment) at the \`data\` property of the
whole-event schema. An incompatible change to a schema gets a new path (\`/v2/…\`), never new
content under the old one.

## What a schema cannot say

Ingest checks a little more than JSON Schema can express, and says so in the descriptions: every
time must fall in the [time window](../input-limits.md#times) (not before ${timeWindow.earliest},
at most a day ahead, a UTC offset within ±14:00), every event is held to the
[input limits](../input-limits.md) (string lengths, nesting, size), and a waiver must respect the
[policy](../policy.md). An event valid against its schema can still be refused for those reasons,
with a message that says which.

## Events

${table(["Type", "$id", "What happened"], entries.filter((entry) => entry.kind === "event").map(row))}

## Score report

What \`maturity score --json\` prints ([the score report](../score-report.md)).

${table(["Schema", "$id", "What"], entries.filter((entry) => entry.kind === "report").map(row))}
`;
}
