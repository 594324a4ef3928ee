// Events for tests, built the way senders build them: parsed, so the model's defaults apply and an
// invalid one fails the test at once, with ids unique to the builder in the order they are made.
import type { MaturityEvent } from "./catalogue.ts";
import { formatIssues, parseEvent } from "./parse.ts";

export interface EventBuilderOptions {
  /** The CloudEvents source; `urn:maturity:test:<prefix>` unless given. */
  source?: string;
  /** Zero-pads the sequence in ids to this many digits, so ids sort in the order made. */
  idDigits?: number;
}

export interface EventBuilder {
  (type: string, subject: string, time: string, data: Record<string, unknown>): MaturityEvent;
  /** How many events this builder has made. */
  made(): number;
}

export function eventBuilder(prefix: string, options: EventBuilderOptions = {}): EventBuilder {
  let made = 0;
  const build = (type: string, subject: string, time: string, data: Record<string, unknown>) => {
    made += 1;
    const parsed = parseEvent({
      specversion: "1.0",
      id: `${prefix}-${String(made).padStart(options.idDigits ?? 0, "0")}`,
      source: options.source ?? `urn:maturity:test:${prefix}`,
      type,
      subject,
      time,
      datacontenttype: "application/json",
      data,
    });
    if (!parsed.ok) throw new Error(`a test event is invalid: ${formatIssues(parsed.issues)}`);
    return parsed.event;
  };
  return Object.assign(build, { made: () => made });
}
