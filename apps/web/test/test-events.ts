// Events for tests, built the way senders build them (parsed, so the model's defaults apply), with
// ids unique to the suite, and as log records for the worker's applyBatch.
import type { MaturityEvent } from "@maturity/model";
import { formatIssues, parseEvent } from "@maturity/model";

export function testEvents(prefix: string) {
  let sequence = 0;
  return (type: string, subject: string, time: string, data: Record<string, unknown>): MaturityEvent => {
    sequence += 1;
    const parsed = parseEvent({
      specversion: "1.0",
      id: `${prefix}-${sequence}`,
      source: `urn:maturity:test:${prefix}`,
      type,
      subject,
      time,
      datacontenttype: "application/json",
      data,
    });
    if (!parsed.ok) throw new Error(`a test event is invalid: ${formatIssues(parsed.issues)}`);
    return parsed.event;
  };
}

/** Events as the log's records, as applyBatch takes them. */
export function asRecords(events: readonly MaturityEvent[]) {
  return events.map((event) => ({ key: event.subject, value: JSON.stringify(event), position: event.id }));
}
