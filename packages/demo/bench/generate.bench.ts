// Generation throughput and memory at scale: `npm run bench -w @maturity/demo -- [systems] [days] [llmCallsPerDay]`.
// Serialises every event (as `maturity demo --out` does) but discards the bytes, so the figure is
// the generator's own rate; heap is sampled as it goes to show it stays flat.
import { organisationHistory, newProgress, planOrganisation } from "../src/index.ts";

const [systems = 2_000, days = 180, llmCallsPerDay = 20] = process.argv.slice(2).map(Number);
const options = {
  seed: 1,
  teams: Math.max(1, Math.round(systems / 7)),
  systems,
  days,
  llmCallsPerDay,
  end: Date.now(),
};
const progress = newProgress();
const started = performance.now();
const heapStart = process.memoryUsage().heapUsed;
let heapPeak = heapStart;
let bytes = 0;
for (const event of organisationHistory(planOrganisation(options), options, progress)) {
  bytes += JSON.stringify(event).length + 1;
  if (progress.eventsDone % 500_000 === 0) {
    const heap = process.memoryUsage().heapUsed;
    heapPeak = Math.max(heapPeak, heap);
    console.error(
      `  ${progress.eventsDone.toLocaleString("en")} events, ${progress.systemsDone}/${systems} systems, heap ${(heap / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    systems,
    days,
    llmCallsPerDay,
    events: progress.eventsDone,
    megabytes: Math.round(bytes / 2 ** 20),
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(progress.eventsDone / seconds),
    heapStartMiB: Math.round(heapStart / 2 ** 20),
    heapPeakMiB: Math.round(heapPeak / 2 ** 20),
  }),
);
