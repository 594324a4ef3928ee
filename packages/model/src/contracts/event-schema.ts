// One JSON Schema per event type: the whole CloudEvent (envelope and that type's data), read off
// the zod schemas ingest validates with, in the words of docs/event-catalogue.md.
import { eventEnvelopeSchemas, type EventType } from "../events/catalogue.ts";
import { exampleEvents } from "../events/examples.ts";
import { timeWindow } from "../events/limits.ts";
import { envelopeNotes, eventNotes } from "../docs/event-notes.ts";
import { eventSchemaId } from "./ids.ts";
import {
  describeFields,
  eachNode,
  jsonSchemaTree,
  withoutDocsKeywords,
  type SchemaNode,
} from "./json-schema.ts";

// The checks zod runs in code (the time window, the input limits), which a JSON Schema cannot
// state: said in words, so a sender whose event passes the schema knows what else ingest checks.
const aheadHours = timeWindow.aheadOfNowMs / 3_600_000;
const offset = `a UTC offset beyond ±${String(timeWindow.maxOffsetMinutes / 60).padStart(2, "0")}:00`;
const windowNote = `Ingest also refuses a time before ${timeWindow.earliest}, more than ${aheadHours} hours ahead of its clock, or with ${offset}.`;
const deadlineNote = `Ingest also refuses a time before ${timeWindow.earliest} or with ${offset}; any time ahead is fine.`;
const limitsNote =
  "Beyond this schema, ingest holds every event to the input limits (docs/input-limits.md): the length of every string, the nesting of objects and arrays, the keys of an object, the items of an array and the size of the whole event.";

/** The JSON Schema of one event type, with `$id`, title, descriptions and the catalogue's example. */
export function eventJsonSchema(type: EventType): SchemaNode {
  const note = eventNotes[type];
  const tree = jsonSchemaTree(eventEnvelopeSchemas[type], "input");
  describeFields(tree, {
    ...envelopeNotes,
    type: `The event type: always \`${type}\` here.`,
    ...(note.subject !== undefined && { subject: `${capitalise(note.subject)}.` }),
    data: `The fields of a \`${type}\` event.`,
    ...Object.fromEntries(Object.entries(note.fields).map(([path, words]) => [`data.${path}`, words])),
  });
  eachNode(tree, (node) => {
    if (node.format !== "date-time") return;
    const constraint = node.deadline === true ? deadlineNote : windowNote;
    node.description = node.description === undefined ? constraint : `${node.description} ${constraint}`;
  });
  const { $schema, ...rest } = withoutDocsKeywords(tree);
  const example = exampleEvents.find((event) => event.type === type);
  return {
    $schema,
    $id: eventSchemaId(type),
    title: type,
    description: `${note.means} Evidence of: ${note.evidences} ${limitsNote}`,
    ...rest,
    ...(example !== undefined && { examples: [example] }),
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
