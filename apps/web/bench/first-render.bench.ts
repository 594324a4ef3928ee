// First render: milliseconds from navigation start to the org heat map on screen, in real
// Chromium, over the embedded platform seeded with the demo organisation (80 systems by default).
// Beside it, measured in the same run and browser, a raw baseline: loading a blank static page.
// Each load uses a fresh browser context (empty cache), as a first visit would.
// Run: npm run bench:first-render -w @maturity/web [-- runs]
import { percentile } from "@maturity/scoring";
import { chromiumPath, launchChromium } from "../test/browser.ts";
import { ensureClientBuilt } from "../test/client-build.ts";
import { startDemoPlatform } from "../test/demo-platform.ts";
import { blankPageServer, timeTo } from "./browser-timing.ts";

const runs = Number(process.argv[2] ?? 15);

ensureClientBuilt();
const blank = await blankPageServer();

const demo = await startDemoPlatform({ seed: 1, teams: 12, systems: 80, days: 180, llmCallsPerDay: 6 });
const browser = await launchChromium();
try {
  // One unmeasured load of each warms the server's and the browser's own start-up paths.
  await timeTo(browser, blank.url, null);
  await timeTo(browser, `${demo.platform.url}/`, '[data-testid="heatmap"] tbody tr');
  const baseline: number[] = [];
  const heatmap: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    baseline.push(await timeTo(browser, blank.url, null));
    heatmap.push(await timeTo(browser, `${demo.platform.url}/`, '[data-testid="heatmap"] tbody tr'));
  }
  const median = (values: number[]) => percentile(values, 0.5)!;
  const row = (name: string, values: number[]) =>
    `  ${name.padEnd(34)} median ${median(values).toFixed(1).padStart(7)} ms   p95 ${percentile(values, 0.95)!.toFixed(1).padStart(7)} ms`;
  console.log(
    `First render of the org heat map: ${demo.systems} systems, ${runs} cold loads each, Chromium at ${chromiumPath}`,
  );
  console.log(row("blank static page (baseline)", baseline));
  console.log(row("org page, heat map on screen", heatmap));
  console.log(
    `  ratio (heat map ÷ baseline)        median ${(median(heatmap) / median(baseline)).toFixed(1)}×   p95 ${(percentile(heatmap, 0.95)! / percentile(baseline, 0.95)!).toFixed(1)}×`,
  );
} finally {
  await browser.close();
  await demo.close();
  blank.server.close();
}
