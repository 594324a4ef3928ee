import type { EventLog } from "@maturity/log";
import type { ActivePolicy } from "@maturity/policy";
import { formatIssues, jsonLimits, type MaturityEvent } from "@maturity/model";
import { eventDataschema } from "@maturity/model/contracts";
import type { EventDraft } from "./adapters/draft.ts";
import { appendWithin } from "./append.ts";
import type { IngestConfig } from "./env.ts";
import { badRequest, IngestError } from "./errors.ts";
import type { IngestMetrics } from "./metrics.ts";
import { refusePolicyBreaches } from "./policy-checks.ts";
import { eventOfDraft, type DraftEvent } from "./draft-event.ts";
import type { ResolveSystem } from "./systems.ts";

/** What a successful response lists for each event it produced. */
export interface AcceptedEvent {
  id: string;
  source: string;
  type: string;
  subject: string;
}

export interface Publisher {
  /** Resolves subjects, validates every event, then appends them all in one call. */
  publishDrafts(drafts: EventDraft[], route: string): Promise<AcceptedEvent[]>;
  /** Resolves the subject and validates one draft; throws a 400 IngestError when it is invalid. */
  eventFromDraft(draft: EventDraft): Promise<MaturityEvent>;
  /** Appends already validated events; resolves once the log acknowledged them. */
  publishEvents(events: MaturityEvent[], route: string): Promise<AcceptedEvent[]>;
}

export function createPublisher(options: {
  log: EventLog;
  config: Pick<IngestConfig, "appendTimeoutMs" | "retryAfterSeconds" | "publicUrl">;
  metrics: IngestMetrics;
  resolveSystem: ResolveSystem | undefined;
  /** The policy in force, read for every request. */
  policy: () => ActivePolicy;
}): Publisher {
  const { log, config, metrics } = options;

  async function toEvent(draft: EventDraft, index: number, count: number): Promise<MaturityEvent> {
    let drafted: DraftEvent;
    try {
      drafted = await eventOfDraft(draft, options.resolveSystem);
    } catch {
      throw new IngestError(
        503,
        "resolver_unavailable",
        "could not look the system up in the catalogue; retry",
        {
          headers: { "retry-after": String(config.retryAfterSeconds) },
        },
      );
    }
    if (!drafted.ok) {
      const where = count > 1 ? ` (event ${index})` : "";
      throw badRequest(
        "invalid_event",
        `the delivery maps to an invalid ${draft.type} event${where}: ${formatIssues(drafted.issues)}`,
        drafted.issues,
        count > 1 ? index : undefined,
      );
    }
    if (drafted.unmapped) metrics.unmapped.inc({ kind: draft.ref.kind });
    return drafted.event;
  }

  async function publishEvents(validated: MaturityEvent[], route: string): Promise<AcceptedEvent[]> {
    if (validated.length === 0) return [];
    // Every route ends here: whatever produced the events, the policy's rules hold for them all.
    refusePolicyBreaches(validated, options.policy());
    // Each event was validated against its type's published schema, so that is its dataschema,
    // whatever a sender of /v1/events put there (an adapter's drafts never carry one).
    const events = validated.map((event) => ({
      ...event,
      dataschema: eventDataschema(config.publicUrl, event.type),
    }));
    const records = events.map((event, index) => {
      const value = JSON.stringify(event);
      if (Buffer.byteLength(value) > jsonLimits.eventBytes) {
        const where = events.length > 1 ? `event ${index} is` : "the event is";
        throw badRequest(
          "input_limit",
          `${where} ${Buffer.byteLength(value)} bytes as JSON, over the ${jsonLimits.eventBytes}-byte limit of one event`,
          [{ path: events.length > 1 ? `[${index}]` : "", message: `over ${jsonLimits.eventBytes} bytes` }],
          events.length > 1 ? index : undefined,
        );
      }
      return { key: event.subject, value };
    });
    const stopTimer = metrics.appendSeconds.startTimer();
    try {
      await appendWithin(log, records, config.appendTimeoutMs);
      stopTimer({ outcome: "acknowledged" });
    } catch (error) {
      stopTimer({ outcome: "failed" });
      throw new IngestError(
        503,
        "log_unavailable",
        `the event log is not accepting writes (${(error as Error).message}); nothing was accepted, retry in a few seconds`,
        { headers: { "retry-after": String(config.retryAfterSeconds) } },
      );
    }
    for (const event of events) metrics.accepted.inc({ route, type: event.type });
    return events.map((event) => ({
      id: event.id,
      source: event.source,
      type: event.type,
      subject: event.subject,
    }));
  }

  return {
    async publishDrafts(drafts, route) {
      const events: MaturityEvent[] = [];
      for (const [index, draft] of drafts.entries()) events.push(await toEvent(draft, index, drafts.length));
      return publishEvents(events, route);
    },
    eventFromDraft: (draft) => toEvent(draft, 0, 1),
    publishEvents,
  };
}
