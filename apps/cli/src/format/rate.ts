/** Events per second since `startedMs` (a `performance.now()` reading), for a progress line. */
export function eventsPerSecond(events: number, startedMs: number): string {
  return Math.round(events / Math.max(0.001, (performance.now() - startedMs) / 1000)).toLocaleString("en");
}
