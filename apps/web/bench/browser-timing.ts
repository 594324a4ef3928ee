// Page timings in real Chromium for the benches: when an element first appears after navigation.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";

/** A server of one blank page: the raw limit a page's first render is measured beside. */
export async function blankPageServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><html lang=en><head><title>blank</title></head><body></body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Milliseconds after navigation start at which `selector` first appeared (or the load ended). */
export async function timeTo(browser: Browser, url: string, selector: string | null): Promise<number> {
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
