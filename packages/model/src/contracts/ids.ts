// Where each published schema lives. Ids are URI references relative to the platform's root, not
// absolute URLs: the same documents (docs/schemas, and what every deployment serves) then name
// themselves correctly wherever they are fetched from, with no deployment baked in.
import type { EventType } from "../events/catalogue.ts";

/** The path ingest serves the schemas under, and the base of every schema's `$id`. */
export const schemasPath = "/v1/schemas";

/** The file name of an event type's schema, under `schemasPath`. */
export const eventSchemaFile = (type: EventType) => `${type}.json`;

export const scoreReportSchemaFile = "score-report.json";

/** `$id` of an event type's schema: `/v1/schemas/<type>.json`. */
export const eventSchemaId = (type: EventType) => `${schemasPath}/${eventSchemaFile(type)}`;

export const scoreReportSchemaId = `${schemasPath}/${scoreReportSchemaFile}`;

/**
 * A stored event's `dataschema`: the type's schema at the platform's public address. CloudEvents
 * means `dataschema` as the schema of `data`, and the published schema is of the whole event, so
 * the URI points at its `data` property (a JSON Pointer fragment any JSON Schema tool resolves).
 */
export function eventDataschema(publicUrl: string, type: EventType): string {
  return `${publicUrl.replace(/\/+$/, "")}${eventSchemaId(type)}#/properties/data`;
}
