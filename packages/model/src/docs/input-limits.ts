// docs/input-limits.md, rendered from the limits themselves so the page cannot drift from them.
import type { z } from "zod";
import { eventDataSchemas } from "../events/catalogue.ts";
import { jsonLimits, keyLengths, numberRanges, timeWindow, type NumberRange } from "../events/limits.ts";

const number = (value: number) => value.toLocaleString("en");

export function renderInputLimitsDoc(): string {
  const rows = (entries: [string, string][]) =>
    entries.map(([what, limit]) => `| ${what} | ${limit} |`).join("\n");
  return `<!-- Generated from packages/model/src/events/limits.ts by \`npm run docs -w @maturity/model\`; do not edit by hand. -->

# Input limits

Every ingest route (CloudEvents structured, binary and batch; the GitHub, GitLab, MLflow, OTLP,
OpenLineage and Kueue adapters) accepts only what the event store, the event log and the scoring
engine can hold. Anything else is refused with a 4xx whose \`message\` (and \`issues[].path\`) names
the field and the limit; a batch with one bad event is refused whole and names its \`index\`. The
worker checks every record it reads from the log against the same limits, so a record written by
an older version or straight to the log is dead-lettered rather than applied (see
[dead letters](dead-letters.md)).

Native adapters apply these limits to the fields they map into events; fields of a webhook they do
not map are never looked at, except for the nesting and size of the body as a whole.

The portal's API (\`/trpc\`, which the portal and automation call) holds every input to the same
rule for text: a string or key with a NUL character or an unpaired surrogate is refused with 400
and a message naming the field (\`input.search: the string contains a NUL character …\`), whatever
the procedure; its other limits are each procedure's own input schema.

## Shape of the JSON

| What | Limit |
| --- | --- |
${rows([
  [
    "Nesting of objects and arrays in a request body (checked on the raw bytes, before parsing)",
    `${jsonLimits.bodyDepth} levels`,
  ],
  [
    "Nesting of objects and arrays in one event (the envelope is level 1, `data` level 2)",
    `${jsonLimits.eventDepth} levels`,
  ],
  ["Keys in any one object", number(jsonLimits.objectKeys)],
  ["Items in any one array (a batch, an OTLP export, a list in an event)", number(jsonLimits.arrayItems)],
  ["Characters in any one string or key of an event", number(jsonLimits.stringLength)],
  ["One event, serialised as JSON", `${number(jsonLimits.eventBytes)} bytes`],
  ["Strings and keys", "no NUL character (`\\u0000`), no unpaired UTF-16 surrogate (a lone `\\ud800`)"],
  ["Numbers", "finite everywhere; declared fields within their range (below)"],
])}

## Key fields

| Field | At most |
| --- | --- |
${rows([
  ["`id`", `${keyLengths.id} characters`],
  ["`source`", `${keyLengths.source} characters`],
  ["`subject` (the system id)", `${keyLengths.subject} characters`],
  [
    "Every other identifier or name in `data` (model, version, suite, queue, owner, …)",
    `${keyLengths.name} characters`,
  ],
])}

(\`source\`, \`id\`) is a unique index; its entries must stay under Postgres's 2,704-byte cap.

## Times

Every time field of an event (the envelope's \`time\` and any in \`data\`, such as
\`deploy.completed\`'s \`changeRequestedAt\`) must be RFC 3339 with an explicit offset and:

- no earlier than ${timeWindow.earliest};
- no later than ${timeWindow.aheadOfNowMs / 3_600_000} hours past the receiver's clock (events from the future are refused; a day of clock skew is allowed);
- with a UTC offset within ±${String(timeWindow.maxOffsetMinutes / 60).padStart(2, "0")}:00.

## Numbers

| Measure | Range | Fields |
| --- | --- | --- |
${Object.entries(numberRanges)
  .map(([name, range]) => {
    const fields = fieldsMeasuredAs(name as NumberRange).map((field) => `\`${field}\``);
    return `| ${range.what} | ${number(range.min)} to ${number(range.max)} | ${fields.join(", ")} |`;
  })
  .join("\n")}
`;
}

/** Every data field (as `type.field`) whose schema carries the measure, read off the schemas. */
function fieldsMeasuredAs(range: NumberRange): string[] {
  const fields: string[] = [];
  for (const [type, schema] of Object.entries(eventDataSchemas)) {
    for (const [field, fieldSchema] of Object.entries((schema as z.ZodObject).shape)) {
      if (measureOf(fieldSchema as z.ZodType) === range) fields.push(`${type} ${field}`);
    }
  }
  return fields;
}

function measureOf(schema: z.ZodType): unknown {
  const own = schema.meta()?.measure;
  if (own !== undefined) return own;
  const def = schema.def as { type: string; innerType?: z.ZodType; valueType?: z.ZodType };
  if (def.type === "optional" || def.type === "nullable") return measureOf(def.innerType!);
  if (def.type === "record") return measureOf(def.valueType!);
  return undefined;
}
