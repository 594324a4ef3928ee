// First render: milliseconds from navigation start to the org heat map on screen, in real
// Chromium, over the embedded platform seeded with the demo organisation (80 systems by default).
// Beside it, measured in the same run and browser, a raw baseline: loading a blank static page.
// Each load uses a fresh browser context (empty cache), as a first visit would.
// Run: npm run bench:first-render -w @maturity/web [-- runs]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { percentile } from "@maturity/scoring";
import type { Browser } from "playwright-core";
import { chromiumPath, launchChromium } from "../test/browser.ts";
import { ensureClientBuilt } from "../test/client-build.ts";
import { startDemoPlatform } from "../test/demo-platform.ts";

const runs = Number(process.argv[2] ?? 15);

/** Milliseconds after navigation start at which `selector` first appeared (or the load ended). */
async function timeTo(browser: Browser, url: string, selector: string | null): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (selector !== null) {
    // Stamp the moment the marker element enters the DOM, from inside the page.
    // A string, not a function: tsx's transform would add helpers the page does not have.
    await page.addInitScript(`{
      const marker = ${JSON.stringify(selector)};
      const observer = new MutationObserver(() => {
        if (document.querySelector(marker) === null) return;
        window.firstRenderAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }`);
  }
  await page.goto(url, { waitUntil: "load" });
  const at =
    selector === null
      ? await page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
        )
      : await page
          .waitForFunction(() => (window as unknown as { firstRenderAt?: number }).firstRenderAt, undefined, {
            timeout: 30_000,
          })
          .then((handle) => handle.jsonValue() as Promise<number>);
  await context.close();
  return at;
}

ensureClientBuilt();
const blank = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end("<!doctype html><html lang=en><head><title>blank</title></head><body></body></html>");
});
await new Promise<void>((resolve) => blank.listen(0, "127.0.0.1", resolve));
const blankUrl = `http://127.0.0.1:${(blank.address() as AddressInfo).port}/`;

const demo = await startDemoPlatform({ seed: 1, teams: 12, systems: 80, days: 180, llmCallsPerDay: 6 });
const browser = await launchChromium();
try {
  // One unmeasured load of each warms the server's and the browser's own start-up paths.
  await timeTo(browser, blankUrl, null);
  await timeTo(browser, `${demo.platform.url}/`, '[data-testid="heatmap"] tbody tr');
  const baseline: number[] = [];
  const heatmap: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    baseline.push(await timeTo(browser, blankUrl, null));
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
  blank.close();
}
