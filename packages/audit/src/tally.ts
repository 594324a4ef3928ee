// What events.ndjson holds, counted as it is written (and again as it is verified).
import type { MaturityEvent } from "@maturity/model";

export interface EventsSummary {
  /** Lines of events.ndjson. */
  count: number;
  /** Of them, links of the system's hash chain. */
  chained: number;
  /** Earliest and latest event time among them (null when there are none). */
  first: string | null;
  last: string | null;
  /**
   * Chain links whose event time is after asOf: stored before an older event that arrived late,
   * they are in the pack because the chain runs through them, and are not scored.
   */
  afterAsOf: number;
}

export class EventsTally {
  private count = 0;
  private chained = 0;
  private afterAsOf = 0;
  private first: { t: number; time: string } | null = null;
  private last: { t: number; time: string } | null = null;

  constructor(private readonly asOf: number) {}

  add(event: MaturityEvent, chained: boolean): void {
    const t = Date.parse(event.time);
    this.count += 1;
    if (chained) this.chained += 1;
    if (t > this.asOf) this.afterAsOf += 1;
    if (this.first === null || t < this.first.t) this.first = { t, time: event.time };
    if (this.last === null || t > this.last.t) this.last = { t, time: event.time };
  }

  result(): EventsSummary {
    const iso = (at: { t: number } | null) => (at === null ? null : new Date(at.t).toISOString());
    return {
      count: this.count,
      chained: this.chained,
      first: iso(this.first),
      last: iso(this.last),
      afterAsOf: this.afterAsOf,
    };
  }
}
