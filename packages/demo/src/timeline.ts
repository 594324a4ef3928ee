// Day slots of the history, anchored at its end: slot d covers [start + d days, start + d+1 days).
// Anchoring at the end (not at midnight) makes the slots line up with the scoring's weeks, which
// are counted back from asOf: "three deploys every week" then holds in every scored week.

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

export class Timeline {
  readonly start: number;

  constructor(
    readonly end: number,
    readonly days: number,
  ) {
    this.start = end - days * dayMs;
  }

  slotStart(day: number): number {
    return this.start + day * dayMs;
  }

  /** Position within the week counted back from the end: 0 for the last day of each week. */
  weekday(day: number): number {
    return (((this.days - 1 - day) % 7) + 7) % 7;
  }
}
