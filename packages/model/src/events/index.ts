export {
  eventDataSchemas,
  eventTypes,
  highVolumeEventTypes,
  cloudEventSchema,
  eventEnvelopeSchemas,
  isEventType,
  type EventType,
  type EventData,
  type MaturityEvent,
  type EventOf,
} from "./catalogue.ts";
export { parseEvent, formatIssues, type EventIssue, type ParseEventResult } from "./parse.ts";
export { exampleEvents } from "./examples.ts";
