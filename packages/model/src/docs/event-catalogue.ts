// docs/event-catalogue.md, rendered from the event schemas, their examples and the rubric, so the
// page lists exactly the types and fields ingest accepts.
import type { z } from "zod";
import { catalogEventData } from "../events/catalog.ts";
import {
  eventEnvelopeSchemas,
  eventTypes,
  highVolumeEventTypes,
  type EventType,
} from "../events/catalogue.ts";
import { deployEventData } from "../events/deploy.ts";
import { evalEventData } from "../events/eval.ts";
import { exampleEvents } from "../events/examples.ts";
import { governanceEventData } from "../events/governance.ts";
import { gpuEventData } from "../events/gpu.ts";
import { llmEventData } from "../events/llm.ts";
import { monitorEventData } from "../events/monitor.ts";
import { pipelineEventData } from "../events/pipeline.ts";
import { policyEventData } from "../events/policy.ts";
import { alertsEventData } from "../events/alerts.ts";
import { campaignEventData } from "../events/campaigns.ts";
import { registryEventData } from "../events/registry.ts";
import { telemetryEventData } from "../events/telemetry.ts";
import { rubric } from "../rubric/index.ts";
import { criteriaReading } from "./evidence-links.ts";
import { envelopeNotes, eventNotes } from "./event-notes.ts";
import { anchor, code, compactJson, generatedNotice, prose, table } from "./markdown.ts";
import { fieldRows, jsonSchemaOf, type FieldRow } from "./schema-fields.ts";

/** The sections of the page, one per family of event types, in catalogue order. */
const groups: { title: string; types: Record<string, z.ZodType> }[] = [
  { title: "Catalogue", types: catalogEventData },
  { title: "Governance", types: governanceEventData },
  { title: "Experiments and the model registry", types: registryEventData },
  { title: "Prompts and tools", types: llmEventData },
  { title: "Pipelines and data", types: pipelineEventData },
  { title: "Evaluation", types: evalEventData },
  { title: "Deployments and incidents", types: deployEventData },
  { title: "GPU scheduling", types: gpuEventData },
  { title: "Monitoring", types: monitorEventData },
  { title: "Telemetry (high volume)", types: telemetryEventData },
  { title: "Policy", types: policyEventData },
  { title: "Alerts", types: alertsEventData },
  { title: "Campaigns", types: campaignEventData },
];

const fieldOptions = {
  dateTime: "RFC 3339 date-time with offset, inside the [time window](input-limits.md#times)",
};

export function renderEventCatalogueDoc(): string {
  const grouped = groups.flatMap((group) => Object.keys(group.types));
  const missing = eventTypes.filter((type) => grouped.filter((listed) => listed === type).length !== 1);
  if (missing.length > 0)
    throw new Error(`event types in no section (or two) of the page: ${missing.join(", ")}`);

  const highVolume = new Set<string>(highVolumeEventTypes);
  return `${generatedNotice("the event schemas in packages/model/src/events and the notes in packages/model/src/docs/event-notes.ts")}

# Event catalogue

Everything the platform knows about a system arrives as an event: a [CloudEvents 1.0](https://cloudevents.io)
JSON object with one of the ${eventTypes.length} types below. Send them to ingest's \`POST /v1/events\`
(structured, binary or batch mode), or let the native adapters (GitHub, GitLab, MLflow,
OpenTelemetry, OpenLineage, Kueue) produce them from the webhooks and spans you already have; see
[apps/ingest/README.md](../apps/ingest/README.md) for the routes.

- An event is checked whole before anything is stored: a field of the wrong type, a missing field
  or an unknown \`type\` gets a 4xx whose message names the field and what was expected.
- Fields and attributes not listed here are kept as they are (within the input limits), never refused.
- (\`source\`, \`id\`) identifies an event: sending it again is harmless, it is stored once.
- Every string, number and time is held to the [input limits](input-limits.md).
- Each type says what it is evidence of and which [rubric](rubric.md) criteria read it.
- Each type's JSON Schema is published: in [schemas/](schemas/README.md) and at ingest's
  \`GET /v1/schemas/<type>.json\`; every stored event's \`dataschema\` points at it.

## The envelope

${fieldTable(envelopeRows(), envelopeNotes, "the envelope")}

CloudEvents extension attributes (\`traceparent\`, …) are kept with the event. Ingest adds
\`unmappedref\` (\`<kind>:<id>\`) to an event whose native id no system claims yet; it is scored
for its system once a catalogue entry's \`sources\` maps that id.

## Event types

${table(
  ["Type", "What happened"],
  eventTypes.map((type) => [
    `[${code(type)}](#${type})${highVolume.has(type) ? " (high volume)" : ""}`,
    eventNotes[type].means,
  ]),
)}

${groups.map((group) => renderGroup(group.title, Object.keys(group.types) as EventType[], highVolume)).join("\n\n")}
`;
}

function renderGroup(title: string, types: EventType[], highVolume: Set<string>): string {
  return `## ${title}\n\n${types.map((type) => renderType(type, highVolume.has(type))).join("\n\n")}`;
}

function renderType(type: EventType, highVolume: boolean): string {
  const note = eventNotes[type];
  const rows = fieldRows(jsonSchemaOf(eventEnvelopeSchemas[type]), fieldOptions)
    .filter((row) => row.path.startsWith("data."))
    .map((row) => ({ ...row, path: row.path.slice("data.".length) }));
  const fields =
    rows.length === 0
      ? "No data fields: `data` is an empty object."
      : fieldTable(rows, note.fields, `\`${type}\``);
  const readers = criteriaReading(type, rubric).map(
    (criterion) => `[${code(criterion.id)}](rubric.md#${criterion.id})`,
  );
  const facts = [
    `**Evidence of:** ${note.evidences}`,
    readers.length > 0 ? `**Read by:** ${prose(readers)}.` : "**Read by:** no criterion.",
    ...(note.metrics.length > 0
      ? [`**Metrics:** ${prose(note.metrics.map((metric) => `[${code(metric)}](score-report.md#metrics)`))}.`]
      : []),
    ...(note.subject === undefined ? [] : [`**Subject:** ${note.subject}.`]),
    ...(highVolume
      ? [
          "**High volume:** one event per request or run. Stored outside the hash chain and dropped after the telemetry retention period; scoring keeps daily totals, which stay.",
        ]
      : []),
  ];
  const example = exampleEvents.find((event) => event.type === type);
  if (example === undefined)
    throw new Error(`no example of ${type} in packages/model/src/events/examples.ts`);
  return `${anchor(type)}

### ${code(type)}

${note.means}

${fields}

${facts.join("\n\n")}

\`\`\`json
${compactJson(example)}
\`\`\``;
}

/** The envelope's attributes, read off one type's envelope (they are the same for every type). */
function envelopeRows(): FieldRow[] {
  return fieldRows(jsonSchemaOf(eventEnvelopeSchemas[eventTypes[0]]), fieldOptions)
    .filter((row) => !row.path.startsWith("data."))
    .map((row) => {
      if (row.path === "type") return { ...row, type: "one of the event types below" };
      if (row.path === "data") return { ...row, type: "object, per type" };
      return row;
    });
}

/** A field table; every row needs words in `notes`, and every note a row. */
function fieldTable(rows: FieldRow[], notes: Record<string, string>, what: string): string {
  const paths = new Set(rows.map((row) => row.path));
  const stale = Object.keys(notes).filter((path) => !paths.has(path));
  if (stale.length > 0) throw new Error(`notes for fields ${what} does not have: ${stale.join(", ")}`);
  return table(
    ["Field", "Type", "Required", "Meaning"],
    rows.map((row) => {
      const meaning = row.description ?? notes[row.path];
      if (meaning === undefined) {
        throw new Error(
          `no description of ${what} field ${row.path} in packages/model/src/docs/event-notes.ts`,
        );
      }
      return [code(row.path), row.type, row.required ? "yes" : "no", meaning];
    }),
  );
}
