import type { ConsumedRecord } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";

/** Events (or raw strings, for poison) as the log would deliver them to a batch. */
export function records(events: readonly unknown[]): ConsumedRecord[] {
  return events.map((event, index) => ({
    key: (event as MaturityEvent).subject ?? "",
    value: typeof event === "string" ? event : JSON.stringify(event),
    position: `test@${index}`,
  }));
}
