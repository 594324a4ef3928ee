// The published contracts: a JSON Schema per event type and one of the score report, generated
// from the zod schemas. docs/schemas is written from here (npm run docs) and ingest serves the
// same documents at /v1/schemas, so the two cannot differ.
import { eventTypes, type EventType } from "../events/catalogue.ts";
import { eventNotes } from "../docs/event-notes.ts";
import { eventJsonSchema } from "./event-schema.ts";
import { eventSchemaFile, scoreReportSchemaFile } from "./ids.ts";
import { scoreReportJsonSchema } from "./report-schema.ts";
import type { SchemaNode } from "./json-schema.ts";

export {
  eventDataschema,
  eventSchemaFile,
  eventSchemaId,
  schemasPath,
  scoreReportSchemaFile,
  scoreReportSchemaId,
} from "./ids.ts";
export { eventJsonSchema } from "./event-schema.ts";
export { scoreReportJsonSchema } from "./report-schema.ts";
export type { SchemaNode } from "./json-schema.ts";

/** One line of the index (GET /v1/schemas, docs/schemas/index.json). */
export interface SchemaIndexEntry {
  /** The file name under /v1/schemas: `<type>.json`, `score-report.json`. */
  file: string;
  kind: "event" | "report";
  /** The event type, for an event's schema. */
  type?: EventType;
  $id: string;
  title: string;
  description: string;
}

export interface PublishedSchema {
  entry: SchemaIndexEntry;
  schema: SchemaNode;
}

let published: Map<string, PublishedSchema> | undefined;

/** Every published schema by file name, events in catalogue order, then the report. */
export function publishedSchemas(): ReadonlyMap<string, PublishedSchema> {
  // Built once: the schemas are a function of the code, and ingest serves them on every request.
  published ??= new Map(
    [
      ...eventTypes.map((type) => {
        const schema = eventJsonSchema(type);
        const entry = indexEntry(eventSchemaFile(type), "event", schema, eventNotes[type].means);
        return { entry: { ...entry, type }, schema };
      }),
      (() => {
        const schema = scoreReportJsonSchema();
        return { entry: indexEntry(scoreReportSchemaFile, "report", schema, schema.description!), schema };
      })(),
    ].map((item) => [item.entry.file, item]),
  );
  return published;
}

function indexEntry(
  file: string,
  kind: SchemaIndexEntry["kind"],
  schema: SchemaNode,
  description: string,
): SchemaIndexEntry {
  return { file, kind, $id: schema.$id!, title: schema.title!, description };
}

/** The body of GET /v1/schemas and of docs/schemas/index.json. */
export function schemaIndex(): { schemas: SchemaIndexEntry[] } {
  return { schemas: [...publishedSchemas().values()].map((item) => item.entry) };
}

/** The schema published under `file` (`deploy.completed.json`), or undefined. */
export function publishedSchema(file: string): SchemaNode | undefined {
  return publishedSchemas().get(file)?.schema;
}
