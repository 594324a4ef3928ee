// report.html in real Chromium, opened from disk as an auditor would open it: no console errors,
// no request beyond the file itself, no script. A screenshot goes to apps/cli/test-artifacts/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readPackFiles } from "@maturity/audit";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, chromiumPath, launchChromium } from "../../test/browser.ts";
import { runCli } from "../../test/run-cli.ts";

const inCI = process.env.CI === "true";
const artifacts = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const events = fileURLToPath(new URL("../../examples/scenarios.ndjson", import.meta.url));

if (!chromiumAvailable) {
  // Never skipped in CI: a missing browser there is a broken machine, not a reason to pass.
  if (inCI)
    throw new Error(`audit report e2e: no Chromium at ${chromiumPath}; install Debian's chromium package`);
  console.warn(`SKIPPING the audit report browser test: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
}

describe.skipIf(!chromiumAvailable)("an audit pack's report.html in a real browser", () => {
  let browser: Browser;
  let report: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "maturity-audit-report-"));
    const out = join(dir, "pack.zip");
    const result = runCli([
      "audit-pack",
      "fraud-scoring",
      events,
      "--as-of",
      "2026-11-24T00:00:00Z",
      "--out",
      out,
    ]);
    expect(result.status, result.stderr).toBe(0);
    report = join(dir, "report.html");
    writeFileSync(report, readPackFiles(new Uint8Array(readFileSync(out))).get("report.html")!);
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("opens offline with no console error and no network request", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("request", (request) => requests.push(request.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url, { waitUntil: "load" });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    // Expressions as text: this workspace compiles without the DOM's types.
    expect(await page.evaluate("document.scripts.length")).toBe(0);
    expect(await page.title()).toBe("Audit pack: Fraud scoring as of 2026-11-24T00:00:00.000Z");
    for (const heading of [
      "The system",
      "Levels per axis",
      "Operational metrics",
      "Open risks",
      "Waivers",
      "Score history",
      "The regulation view",
      "What events cannot show",
      "About this pack",
    ])
      expect(await page.getByRole("heading", { name: heading, exact: true }).count(), heading).toBe(1);
    // The in-page links lead somewhere: every #anchor names an element on the page.
    const dangling = await page.evaluate(
      `[...document.querySelectorAll('a[href^="#"]')]
        .map((a) => a.getAttribute("href").slice(1))
        .filter((id) => document.getElementById(id) === null)`,
    );
    expect(dangling).toEqual([]);
    await page.screenshot({ path: `${artifacts}audit-report.png`, fullPage: true });
    await page.close();
  });
});
