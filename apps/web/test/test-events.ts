// Events for tests, built the way senders build them (parsed, so the model's defaults apply), with
// ids unique to the suite, and as log records for the worker's applyBatch.
import type { MaturityEvent } from "@maturity/model";
import { eventBuilder } from "@maturity/model/testing";

/** Events with ids `<prefix>-1`, `<prefix>-2`, … from `urn:maturity:test:<prefix>`. */
export function testEvents(prefix: string) {
  return eventBuilder(prefix);
}

/** Events as the log's records, as applyBatch takes them. */
export function asRecords(events: readonly MaturityEvent[]) {
  return events.map((event) => ({ key: event.subject, value: JSON.stringify(event), position: event.id }));
}
