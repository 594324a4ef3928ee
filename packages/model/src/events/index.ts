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
export {
  parseEvent,
  formatIssues,
  formatPath,
  type EventIssue,
  type ParseEventOptions,
  type ParseEventResult,
} from "./parse.ts";
export { jsonLimits, keyLengths, numberRanges, timeWindow, type NumberRange } from "./limits.ts";
export { jsonTextIssue, eventShapeIssue, unstorableTextIssue, type ShapeIssue } from "./json-shape.ts";
export { exampleEvents } from "./examples.ts";
export { policySubject } from "./policy.ts";
export {
  organisationEventTypes,
  isOrganisationEvent,
  platformOnlyEvents,
  platformOnlyReason,
} from "./organisation.ts";
export { alertsSubject, maxAlertRules } from "./alerts.ts";
export { campaignsSubject } from "./campaigns.ts";
