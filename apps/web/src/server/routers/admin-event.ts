// An admin's action in the portal as the event that records it (policy activations have their own
// builder, shared with the worker's start-up activation). The id is a hash of what it says, who
// and when; the event is checked against the catalogue here, so a change the worker would refuse
// is refused before it reaches the log rather than dead-lettered after.
import { createHash } from "node:crypto";
import type { EventOf, EventType } from "@maturity/model";
import { formatIssues, jsonLimits, parseEvent } from "@maturity/model";
import { canonicalJson } from "@maturity/policy";
import { TRPCError } from "@trpc/server";
import type { InnerContext } from "../trpc.ts";

export const portalSource = "urn:maturity:portal";

export function adminEvent<T extends EventType>(
  type: T,
  subject: string,
  idPrefix: string,
  data: EventOf<T>["data"],
  time: string,
): EventOf<T> {
  const digest = createHash("sha256").update(canonicalJson({ type, data, time })).digest("hex").slice(0, 32);
  const parsed = parseEvent({
    specversion: "1.0",
    id: `${idPrefix}-${digest}`,
    source: portalSource,
    type,
    time,
    subject,
    datacontenttype: "application/json",
    data,
  });
  if (!parsed.ok)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `the change cannot be recorded: ${formatIssues(parsed.issues)}`,
    });
  const bytes = Buffer.byteLength(JSON.stringify(parsed.event));
  if (bytes > jsonLimits.eventBytes)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `the change would be a ${bytes}-byte event, over the ${jsonLimits.eventBytes}-byte limit of one event: make it smaller`,
    });
  return parsed.event as EventOf<T>;
}

export const cannotWrite = "this process cannot write to the event log, so it cannot record the change";

/** Appends the admin's event; a log that refuses it is SERVICE_UNAVAILABLE, and nothing changed. */
export async function appendAdminEvent(ctx: InnerContext, event: EventOf<EventType>): Promise<void> {
  if (ctx.appendToLog === undefined)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: cannotWrite });
  try {
    await ctx.appendToLog([{ key: event.subject, value: JSON.stringify(event) }]);
  } catch (error) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `the event log did not take the change, so nothing changed: ${(error as Error).message}`,
      cause: error,
    });
  }
}
