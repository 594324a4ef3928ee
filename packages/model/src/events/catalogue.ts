// The event catalogue (docs/event-catalogue.md): one data schema per event type, and the typed
// envelopes.
import { z } from "zod";
import { alertsEventData } from "./alerts.ts";
import { campaignEventData } from "./campaigns.ts";
import { catalogEventData } from "./catalog.ts";
import { deployEventData } from "./deploy.ts";
import { eventEnvelope, type EnvelopeShape } from "./envelope.ts";
import { evalEventData } from "./eval.ts";
import { governanceEventData } from "./governance.ts";
import { gpuEventData } from "./gpu.ts";
import { llmEventData } from "./llm.ts";
import { monitorEventData } from "./monitor.ts";
import { pipelineEventData } from "./pipeline.ts";
import { policyEventData } from "./policy.ts";
import { registryEventData } from "./registry.ts";
import { telemetryEventData } from "./telemetry.ts";

/** The data schema of every event type. The single source of truth for the list of types. */
export const eventDataSchemas = {
  ...catalogEventData,
  ...governanceEventData,
  ...registryEventData,
  ...llmEventData,
  ...pipelineEventData,
  ...evalEventData,
  ...deployEventData,
  ...gpuEventData,
  ...monitorEventData,
  ...telemetryEventData,
  ...policyEventData,
  ...alertsEventData,
  ...campaignEventData,
} as const;

type EventDataSchemas = typeof eventDataSchemas;
export type EventType = keyof EventDataSchemas;

// Derived from the record so a type cannot be listed in one place and forgotten in the other.
export const eventTypes = Object.keys(eventDataSchemas) as unknown as readonly [EventType, ...EventType[]];

export type EventData<T extends EventType> = z.infer<EventDataSchemas[T]>;

/** One event per LLM request or agent run: orders of magnitude more frequent than the rest. */
export const highVolumeEventTypes = [
  "llm.call.completed",
  "agent.run.completed",
] as const satisfies readonly EventType[];

type EnvelopeSchema<T extends EventType> = z.ZodObject<
  EnvelopeShape & { type: z.ZodLiteral<T>; data: EventDataSchemas[T] },
  z.core.$loose
>;
type EnvelopeSchemas = { [T in EventType]: EnvelopeSchema<T> };

export const eventEnvelopeSchemas = Object.fromEntries(
  eventTypes.map((type) => [type, eventEnvelope(type, eventDataSchemas[type])]),
) as unknown as EnvelopeSchemas;

type AnyEnvelopeSchema = EnvelopeSchemas[EventType];

/** Any catalogued event: a union of the per-type envelopes, discriminated on `type`. */
export const cloudEventSchema = z.discriminatedUnion(
  "type",
  Object.values(eventEnvelopeSchemas) as [AnyEnvelopeSchema, ...AnyEnvelopeSchema[]],
);

export type MaturityEvent = z.infer<typeof cloudEventSchema>;
/** The event whose type is T, e.g. `EventOf<"deploy.completed">`. */
export type EventOf<T extends EventType> = Extract<MaturityEvent, { type: T }>;

export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && Object.hasOwn(eventDataSchemas, value);
}
