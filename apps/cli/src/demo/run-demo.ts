// Drives the generator into a sink: the history (with a progress bar), then optionally the live
// stream at a fixed rate until interrupted.
import {
  liveEvents,
  newProgress,
  organisationHistory,
  type DemoOptions,
  type OrganisationPlan,
} from "@maturity/demo";
import { setTimeout as sleep } from "node:timers/promises";
import cliProgress from "cli-progress";
import { eventsPerSecond } from "../format/rate.ts";
import type { EventSink } from "./sinks.ts";

export interface HistoryStats {
  events: number;
  seconds: number;
}

export async function streamHistory(
  plan: OrganisationPlan,
  options: DemoOptions,
  sink: EventSink,
): Promise<HistoryStats> {
  const progress = newProgress();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "  generating {bar} {value}/{total} systems | {events} events | {rate} events/s",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(plan.systems.length, 0, { events: 0, rate: 0 });
  try {
    let sinceUpdate = 0;
    for (const event of organisationHistory(plan, options, progress)) {
      const backpressure = sink.write(JSON.stringify(event));
      if (backpressure !== undefined) await backpressure;
      if (++sinceUpdate === 5_000) {
        sinceUpdate = 0;
        bar.update(progress.systemsDone, {
          events: progress.eventsDone.toLocaleString("en"),
          rate: eventsPerSecond(progress.eventsDone, started),
        });
      }
    }
    await sink.flush();
    bar.update(progress.systemsDone, {
      events: progress.eventsDone.toLocaleString("en"),
      rate: eventsPerSecond(progress.eventsDone, started),
    });
  } finally {
    bar.stop();
  }
  return { events: progress.eventsDone, seconds: (performance.now() - started) / 1000 };
}

/** Streams new events at `rate` per second until `signal` aborts; resolves with the count sent. */
export async function streamLive(
  plan: OrganisationPlan,
  options: DemoOptions,
  sink: EventSink,
  rate: number,
  signal: AbortSignal,
): Promise<number> {
  const events = liveEvents(plan, options, Date.now, Date.now().toString(36));
  const tickMs = 250;
  const started = Date.now();
  let sent = 0;
  while (!signal.aborted) {
    // Send what is due by now, then sleep to the next tick: the average rate holds over time.
    const due = Math.floor(((Date.now() - started) / 1000) * rate) + 1;
    while (sent < due && !signal.aborted) {
      const next = events.next();
      if (next.done) return sent;
      await sink.write(JSON.stringify(next.value));
      sent += 1;
    }
    await sink.flush();
    // Aborting ends the sleep at once (the rejection is the signal, not an error).
    await sleep(tickMs, undefined, { signal }).catch(() => undefined);
  }
  await sink.flush();
  return sent;
}
