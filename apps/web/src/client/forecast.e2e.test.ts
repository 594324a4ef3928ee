// Forecasts end to end in real Chromium. The platform seeds its demo organisation (120 days of
// score history) and beside it team "atlas" is applied week by week through the worker's
// applyBatch at past clocks, so its history climbs: `atlas-ranker` (classical) holds governance at
// level 3; `atlas-assistant` and `atlas-copilot` (LLM) reach governance level 2 six weeks ago and
// then allowlist and own a few more of their 20 tools each week, so their score climbs about 0.05
// a week, unevenly. A system's page says per axis when its next level is expected (or why not)
// beside the next upgrade and draws the trend, its range and the usual time for the step on its
// history charts; the team page and the executive view project the gap to its closing date and
// say when it closes per axis; the executive view lists the teams furthest behind their forecast.
// Screenshots go to apps/web/test-artifacts/ (forecast-*.png).
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Axis, MaturityEvent } from "@maturity/model";
import { parseEvent } from "@maturity/model";
import { applyBatch, refreshRollups } from "@maturity/worker";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumAvailable,
  chromiumPath,
  launchChromium,
  newWatchedPage,
  problemsOf,
} from "../../test/browser.ts";
import { ensureClientBuilt } from "../../test/client-build.ts";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { startWithFirstRun } from "../server/first-run.ts";
import type { RunningPlatform } from "../server/platform.ts";
import type { AppRouter } from "../server/router.ts";
import { axisForecastText, gapForecastText } from "./lib/forecast.ts";
import { axisLabels } from "./lib/vocabulary.ts";

const inCI = process.env.CI === "true";
const artifacts = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

if (!chromiumAvailable) {
  if (inCI)
    throw new Error(`forecast e2e: no Chromium at ${chromiumPath}; install Debian's chromium package`);
  console.warn(`SKIPPING the forecast e2e tests: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

let serial = 0;
function event(type: string, subject: string, at: number, data: Record<string, unknown>): MaturityEvent {
  serial += 1;
  const parsed = parseEvent({
    specversion: "1.0",
    id: `forecast-e2e-${serial}`,
    source: "https://forecast.e2e.example",
    type,
    time: new Date(at - 60_000).toISOString(),
    subject,
    datacontenttype: "application/json",
    data,
  });
  if (!parsed.ok) throw new Error(`bad test event ${type}`);
  return parsed.event;
}

/** Tools allowlisted and owned (of 20) in each week's catalogue: a bumpy climb. */
const goodTools = {
  "atlas-assistant": [0, 3, 4, 7, 8, 11, 12],
  "atlas-copilot": [1, 4, 5, 8, 9, 12, 13],
} as const;

/** Team atlas's batches, oldest first; the last at `end`, one a week before it for six weeks. */
function atlasBatches(end: number): { at: number; events: MaturityEvent[] }[] {
  const week = (index: number) => end - (6 - index) * 7 * dayMs;
  const registered = (subject: string, kind: string, at: number) =>
    event("catalog.system.registered", subject, at, {
      name: subject.replace("atlas-", "Atlas ").replace(/ (.)/, (_, c: string) => ` ${c.toUpperCase()}`),
      team: "atlas",
      kind,
      riskTier: "limited",
    });
  const batches = [
    {
      // Three days before the first week: registered, at level 1 on every axis.
      at: week(0) - 3 * dayMs,
      events: [
        registered("atlas-ranker", "classical", week(0) - 3 * dayMs),
        registered("atlas-assistant", "llm", week(0) - 3 * dayMs),
        registered("atlas-copilot", "llm", week(0) - 3 * dayMs),
      ],
    },
  ];
  for (let index = 0; index <= 6; index++) {
    const at = week(index);
    const events: MaturityEvent[] =
      index === 0
        ? [
            event("gov.owner.assigned", "atlas-ranker", at, { owner: "atlas-ml" }),
            event("gov.change.reviewed", "atlas-ranker", at, {
              changeRef: "atlas/ranker#1",
              reviewer: "sam",
              approved: true,
            }),
            event("gov.owner.assigned", "atlas-assistant", at, { owner: "atlas-apps" }),
            event("gov.owner.assigned", "atlas-copilot", at, { owner: "atlas-apps" }),
          ]
        : [];
    for (const [subject, counts] of Object.entries(goodTools))
      events.push(
        event("llm.tool_catalog.updated", subject, at, {
          tools: Array.from({ length: 20 }, (_, tool) =>
            tool < counts[index]!
              ? { name: `tool-${tool}`, owner: "atlas-apps", allowlisted: true }
              : { name: `tool-${tool}`, allowlisted: false },
          ),
        }),
      );
    batches.push({ at, events });
  }
  return batches;
}

/** Any of the sentences the portal says for an axis's forecast. */
const axisForecastWords = /expected by|Not improving|Declining|Not enough history yet|At level 5/;
/** Any of those it says for the gap. */
const gapForecastWords = /Closes by|Widening|Steady|Closed|Not enough history yet|No gap to forecast/;

describe.skipIf(!chromiumAvailable)("forecasts in a real browser", () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureClientBuilt();
    mkdirSync(artifacts, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-forecast-e2e-"));
    const started = startWithFirstRun(
      {
        ...embeddedConfig(dataDir),
        demo: { seed: 7, teams: 3, systems: 14, days: 120, llmCallsPerDay: 1 },
      },
      { reset: false, demo: true, progress: false },
    );
    [{ platform }, browser] = await Promise.all([started, launchChromium()]);
    base = platform.url;
    // Team atlas, straight into the store at past clocks (the log would score it all at now).
    for (const batch of atlasBatches(Math.floor(Date.now() / hourMs) * hourMs - hourMs)) {
      const records = batch.events.map((event, index) => ({
        key: event.subject,
        value: JSON.stringify(event),
        position: `atlas@${batch.at}-${index}`,
      }));
      expect((await applyBatch(platform.database.db, records, batch.at)).rejected).toEqual([]);
    }
    // The team and organisation rollups, as the worker refreshes them after a change.
    await refreshRollups(platform.database.db, Date.now());
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const api = () => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/trpc` })] });
  const newPage = (width = 1280, height = 900) => newWatchedPage(browser, { viewport: { width, height } });
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const close = (page: Page) => page.context().close();

  const axisNames = Object.keys(axisLabels) as Axis[];

  it("says on a system's page when each axis reaches its next level, and draws the trend", async () => {
    const systemId = "atlas-assistant";
    const { forecast, minHistoryDays, asOf } = await api().forecast.system.query({ systemId });
    const governance = forecast.governance;
    expect(governance).toMatchObject({
      status: "improving",
      level: 2,
      typical: { minMonths: 6, maxMonths: 9 },
    });
    expect(governance.pace).not.toBeNull();
    expect(Date.parse(governance.nextLevel!.date)).toBeGreaterThan(Date.parse(asOf));
    const page = await newPage();
    await page.goto(`${base}/systems/${systemId}`);
    const list = page.getByTestId("system-forecast");
    await list.waitFor();
    for (const axis of axisNames) {
      const line = (await list.getByTestId(`forecast-${axis}`).textContent()) ?? "";
      expect(line).toMatch(axisForecastWords);
      // The sentence the server's answer makes, with its pace marked when there is one.
      expect(line).toContain(axisForecastText(forecast[axis], minHistoryDays));
      if (forecast[axis].pace !== null) expect(line).toContain(forecast[axis].pace!);
    }
    const line = await list.getByTestId("forecast-governance").textContent();
    expect(line).toMatch(
      /Level 3 expected by \d+ \w+ \d{4} \(range \d+ \w+ \d{4}–(\d+ \w+ \d{4}|open)\), usual 6–9 months: /,
    );
    expect(line).toContain(governance.pace!);
    expect(await list.getByTestId("forecast-deployment").textContent()).toContain("Not improving");
    // On the governance chart: the dashed trend, its shaded range and the usual time for the step.
    const section = page.locator("#section-governance");
    await section.scrollIntoViewIfNeeded();
    await section.locator(".recharts-area-area").first().waitFor();
    expect(await section.locator('.recharts-line-curve[stroke-dasharray="6 4"]').count()).toBe(1);
    expect(await section.locator(".recharts-reference-area-rect").count()).toBe(1);
    expect(await section.getByText(/usual L2→L3: 6–9 months/).count()).toBe(1);
    expect(await section.getByTestId("axis-forecast-governance").textContent()).toContain("expected by");
    await section.screenshot({ path: `${artifacts}forecast-system-governance.png` });
    await shot(page, "forecast-system");
    await page.getByRole("heading", { name: "Next upgrade" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}forecast-system-next-upgrade.png` });
    expect(problemsOf(page)).toEqual([]);

    // As of an earlier day the page asks for the forecast as it was then.
    const day = new Date(Date.parse(asOf) - 14 * dayMs).toISOString().slice(0, 10);
    const then = await api().forecast.system.query({ systemId, asOf: `${day}T23:59:59.999Z` });
    expect(then.asOf).toBe(`${day}T23:59:59.999Z`);
    await page.goto(`${base}/systems/${systemId}?asOf=${day}`);
    await page.getByTestId("point-in-time").waitFor();
    await expect
      .poll(() => page.getByTestId("forecast-governance").textContent())
      .toContain(axisForecastText(then.forecast.governance, then.minHistoryDays));
    expect(problemsOf(page)).toEqual([]);
    await close(page);
  });

  it("projects a team's gap to its closing date and says when it closes per axis", async () => {
    const { forecast, minHistoryDays, systems } = await api().forecast.team.query({ team: "atlas" });
    expect(forecast.gap.governance.status).toBe("closing");
    const page = await newPage();
    await page.goto(`${base}/teams/atlas`);
    await page.getByRole("heading", { name: "When does LLM/agent operations catch up" }).waitFor();
    const table = page.getByTestId("catch-up");
    await table.waitFor();
    for (const axis of axisNames) {
      const row = (await table.getByTestId(`catch-up-${axis}`).textContent()) ?? "";
      expect(row).toMatch(gapForecastWords);
      expect(row).toContain(gapForecastText(forecast.gap[axis], minHistoryDays));
    }
    expect(await table.getByTestId("catch-up-governance").textContent()).toMatch(
      /Closes by \d+ \w+ \d{4} \(range \d+ \w+ \d{4}–(\d+ \w+ \d{4}|open)\)/,
    );
    const members = page.getByTestId("team-system-forecasts").locator("tbody tr");
    expect(await members.count()).toBe(systems.length);
    expect(await members.filter({ hasText: "Atlas Assistant" }).textContent()).toMatch(/L3 by \w+ \d{4}/);
    // The chart: the governance gap dashed on to its closing date, its range shaded.
    const chart = page.locator("section[aria-labelledby=trend-heading]");
    await chart.locator('.recharts-line-curve[stroke-dasharray="2 4"]').first().waitFor();
    expect(await chart.locator(".recharts-area-area").count()).toBe(
      axisNames.filter((axis) => forecast.gap[axis].status === "closing").length,
    );
    await shot(page, "forecast-team");
    expect(problemsOf(page)).toEqual([]);
    await close(page);
  });

  it("says on the executive view when LLM/agent operations catch up, and which teams are furthest behind", async () => {
    const { forecast, minHistoryDays, teamsBehind } = await api().forecast.org.query();
    const page = await newPage();
    await page.goto(`${base}/executive`);
    await page.getByRole("heading", { name: "When does LLM/agent operations catch up" }).waitFor();
    const table = page.getByTestId("catch-up");
    await table.waitFor();
    expect(await table.locator("caption").textContent()).toContain("The organisation");
    for (const axis of axisNames) {
      expect(await table.getByTestId(`catch-up-${axis}`).textContent()).toContain(
        gapForecastText(forecast.gap[axis], minHistoryDays),
      );
    }
    await page.getByRole("heading", { name: "Teams furthest behind their forecast" }).waitFor();
    if (teamsBehind.length > 0) {
      const rows = page.getByTestId("teams-behind").locator("tbody tr");
      expect(await rows.count()).toBe(teamsBehind.length);
      const first = (await rows.first().textContent()) ?? "";
      expect(first).toContain(teamsBehind[0]!.team);
      expect(first).toContain(teamsBehind[0]!.axes[0]!.name);
    } else {
      await page.getByTestId("teams-behind-none").waitFor();
    }
    await page.getByRole("heading", { name: "The gap over time" }).waitFor();
    await shot(page, "forecast-executive");
    expect(problemsOf(page)).toEqual([]);

    // Scoped to team atlas: its gap, projected, and when it closes.
    await page.goto(`${base}/executive?team=atlas`);
    await page.getByTestId("catch-up").locator("caption").filter({ hasText: "Team atlas" }).waitFor();
    expect(await page.getByTestId("catch-up-governance").textContent()).toContain("Closes by");
    await page
      .locator("section[aria-labelledby=gap-over-time]")
      .locator('.recharts-line-curve[stroke-dasharray="2 4"]')
      .first()
      .waitFor();
    await shot(page, "forecast-executive-team");
    expect(problemsOf(page)).toEqual([]);
    await close(page);
  });
});
