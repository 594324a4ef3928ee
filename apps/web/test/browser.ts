// Real Chromium for browser tests and benches: the system's Debian build, never a downloaded one.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(chromiumPath);

// Quiet, offline, container-friendly: no sandbox (root in CI), no GPU, no background traffic.
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args });
}

const problemsByPage = new WeakMap<Page, string[]>();

/** A page in a context of its own whose uncaught errors and console errors are collected. */
export async function newWatchedPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  problemsByPage.set(page, problems);
  return page;
}

/** What went wrong on a page from newWatchedPage so far (empty when nothing did). */
export function problemsOf(page: Page): string[] {
  return problemsByPage.get(page) ?? [];
}
