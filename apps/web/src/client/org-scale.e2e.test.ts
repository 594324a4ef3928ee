// The organisation page at scale in real Chromium: a demo organisation of 2,000 systems in 60 teams
// (two days of history, applied through the worker), shown as a heat map that renders only the rows
// in view, then one row per team that expands to its systems, sorted, searched and paged by the
// server, with the view in the URL; the ranked risks a page at a time; the team and executive pages
// at that size. Screenshots go to apps/web/test-artifacts/ for review.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newWatchedPage, problemsOf } from "../../test/browser.ts";
import { noChromium, prepareBrowserSuite, shot } from "../../test/browser-suite.ts";
import { applyDemoOrganisation } from "../../test/demo-organisation.ts";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { trpcClientFor } from "../../test/ingest-flow.ts";
import type { RunningPlatform } from "../server/platform.ts";
import { startPlatform } from "../server/platform.ts";

// Polls wait this long: a fresh page reads the overview of every system before it shows the teams.
const soon = { timeout: 20_000 };

const demo = { seed: 21, teams: 60, systems: 2_000, days: 2, llmCallsPerDay: 1, end: Date.now() };

describe.skipIf(noChromium("organisation at scale"))("the organisation page at 2,000 systems", () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let browser: Browser;
  let base: string;
  let api: ReturnType<typeof trpcClientFor>;

  beforeAll(async () => {
    prepareBrowserSuite();
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-org-scale-e2e-"));
    [platform, browser] = await Promise.all([startPlatform(embeddedConfig(dataDir)), launchChromium()]);
    await applyDemoOrganisation(platform.database.db, demo);
    base = platform.url;
    api = trpcClientFor(base);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const newPage = () => newWatchedPage(browser, { viewport: { width: 1280, height: 900 } });
  const params = (page: Page) => new URL(page.url()).searchParams;
  const groups = (page: Page) => page.getByTestId("team-groups");
  const teamRows = (page: Page) => groups(page).locator("tr.group-team");
  const firstTeam = (page: Page) => teamRows(page).first().getAttribute("data-team");

  it("shows the heat map first, rendering only the rows in view of every system", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    const heatmap = page.getByTestId("heatmap");
    await heatmap.locator("tbody tr").first().waitFor();
    // Every system is in the table's row count, a few dozen are in the document.
    expect(await heatmap.locator("table").getAttribute("aria-rowcount")).toBe(String(demo.systems + 1));
    const rendered = await heatmap.locator("tbody tr:not(.virtual-spacer)").count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    // The heat map is the first panel; the teams follow it.
    const [heatTop, groupsTop] = await Promise.all([
      heatmap.boundingBox().then((box) => box!.y),
      groups(page)
        .boundingBox()
        .then((box) => box!.y),
    ]);
    expect(heatTop).toBeLessThan(900);
    expect(heatTop).toBeLessThan(groupsTop);
    // Scrolled to its end, the last systems are rendered in place of the first.
    await heatmap.evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect
      .poll(() => heatmap.locator("tbody tr:not(.virtual-spacer)").last().getAttribute("aria-rowindex"), soon)
      .toBe(String(demo.systems + 1));
    await shot(page, "org-scale-heatmap");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("groups the systems by team: one summary row per team, each expandable to its systems", async () => {
    const listing = await api.teams.summaries.query({ limit: 200 });
    expect(listing).toMatchObject({ totalTeams: demo.teams, totalSystems: demo.systems });
    const page = await newPage();
    await page.goto(`${base}/`);
    await page
      .getByTestId("team-groups-total")
      .filter({ hasText: `${demo.teams} teams with 2,000 systems` })
      .waitFor();
    // Weakest axis first by default: the server's order.
    expect(await firstTeam(page)).toBe(listing.teams[0]!.team);
    const first = listing.teams[0]!;
    const firstRow = teamRows(page).first();
    expect(await firstRow.locator("td.number").textContent()).toBe(String(first.systems));
    expect(await firstRow.locator(".group-cell .visually-hidden").first().textContent()).toContain(
      `median level ${first.axes.reproducibility.median}, worst ${first.axes.reproducibility.worst}`,
    );
    await shot(page, "org-scale-teams");

    // Expanding a team lists its systems under it, and the URL says it is open.
    const team = first.team;
    await page.getByRole("button", { name: `Show the systems of team ${team}`, exact: true }).click();
    const members = await api.teams.systems.query({ team, limit: 200 });
    const systemRows = groups(page).locator(`tr.group-system[data-team="${team}"]`);
    await expect.poll(() => systemRows.count(), soon).toBeGreaterThan(0);
    expect(await systemRows.first().locator("th a").textContent()).toBe(members.systems[0]!.name);
    expect(params(page).getAll("open")).toEqual([team]);
    await page.getByRole("button", { name: `Hide the systems of team ${team}`, exact: true }).waitFor();
    await shot(page, "org-scale-team-expanded");
    await page.getByRole("button", { name: `Hide the systems of team ${team}`, exact: true }).click();
    await expect.poll(() => systemRows.count(), soon).toBe(0);
    expect(params(page).getAll("open")).toEqual([]);

    // The teams past the first page load as the table scrolls to its end.
    expect(listing.teams.length).toBe(demo.teams);
    const box = groups(page);
    await expect
      .poll(async () => {
        await box.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return teamRows(page).last().getAttribute("data-team");
      }, soon)
      .toBe(listing.teams.at(-1)!.team);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("sorts and searches on the server, keeping the view in the URL so a link reproduces it", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await teamRows(page).first().waitFor();

    // By top risk, then by name: each order is the server's.
    for (const [label, sort] of [
      ["Top risk first", "risk"],
      ["Name", "name"],
    ] as const) {
      await page.getByLabel("Order").selectOption({ label });
      await expect.poll(() => params(page).get("sort"), soon).toBe(sort);
      const expected = await api.teams.summaries.query({ sort, limit: 3 });
      await expect.poll(() => firstTeam(page), soon).toBe(expected.teams[0]!.team);
      await shot(page, `org-scale-sorted-${sort}`);
    }

    // A search by part of a system's name: only the teams with a match, and those systems.
    const target = (await api.teams.systems.query({ team: (await firstTeam(page))!, limit: 1 })).systems[0]!;
    const search = target.name.slice(0, 6);
    const found = await api.teams.summaries.query({ search, sort: "name", limit: 200 });
    expect(found.totalSystems).toBeLessThan(demo.systems);
    await page.getByLabel("Search systems and teams").fill(search);
    await expect.poll(() => params(page).get("q"), soon).toBe(search);
    await page
      .getByTestId("team-groups-total")
      .filter({ hasText: `with ${found.totalSystems.toLocaleString("en")} system` })
      .waitFor();
    await expect.poll(() => teamRows(page).count(), soon).toBe(Math.min(found.totalTeams, 50));
    const team = found.teams[0]!.team;
    await page.getByRole("button", { name: `Show the systems of team ${team}`, exact: true }).click();
    const matching = await api.teams.systems.query({ team, search, sort: "name", limit: 200 });
    const systemRows = groups(page).locator(`tr.group-system[data-team="${team}"]`);
    await expect.poll(() => systemRows.count(), soon).toBe(matching.systems.length);
    await shot(page, "org-scale-search");

    // The same URL in a fresh page shows the same view.
    const link = page.url();
    expect(new URL(link).searchParams.get("open")).toBe(team);
    const again = await newPage();
    await again.goto(link);
    await expect
      .poll(() => groups(again).locator(`tr.group-system[data-team="${team}"]`).count(), soon)
      .toBe(matching.systems.length);
    expect(await again.getByLabel("Search systems and teams").inputValue()).toBe(search);
    expect(await again.getByLabel("Order").inputValue()).toBe("name");
    expect(await firstTeam(again)).toBe(found.teams[0]!.team);
    await shot(again, "org-scale-from-link");
    expect(problemsOf(page)).toEqual([]);
    expect(problemsOf(again)).toEqual([]);
    await page.close();
    await again.close();
  });

  it("pages through the ranked risks", async () => {
    const [firstPage, secondPage] = await (async () => {
      const one = await api.org.riskPage.query({ limit: 15 });
      return [one, await api.org.riskPage.query({ limit: 15, cursor: one.nextCursor! })];
    })();
    expect(firstPage.total).toBeGreaterThan(30);
    const page = await newPage();
    await page.goto(`${base}/`);
    const position = page.getByTestId("risk-page-position");
    const items = page.locator("#risks-heading + ol > li");
    await position.filter({ hasText: `1–15 of ${firstPage.total.toLocaleString("en")}` }).waitFor();
    expect(await items.count()).toBe(15);
    expect(await items.first().locator("p").first().textContent()).toBe(firstPage.risks[0]!.summary);

    await page
      .getByRole("navigation", { name: "Pages of the risks" })
      .getByRole("button", { name: "Next" })
      .click();
    await position.filter({ hasText: `16–30 of ${firstPage.total.toLocaleString("en")}` }).waitFor();
    expect(await page.locator("#risks-heading + ol").getAttribute("start")).toBe("16");
    expect(await items.first().locator("p").first().textContent()).toBe(secondPage.risks[0]!.summary);
    await page.locator("#risks-heading").scrollIntoViewIfNeeded();
    await shot(page, "org-scale-risks-page-2");
    await page
      .getByRole("navigation", { name: "Pages of the risks" })
      .getByRole("button", { name: "Previous" })
      .click();
    await position.filter({ hasText: "1–15 of" }).waitFor();
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("keeps the team and executive pages usable at this size", async () => {
    const { teams } = await api.teams.summaries.query({ sort: "name", limit: 200 });
    const largest = [...teams].sort((a, b) => b.systems - a.systems)[0]!;
    const page = await newPage();
    await page.goto(`${base}/teams/${largest.team}`);
    await page.getByRole("heading", { level: 1, name: `Team ${largest.team}` }).waitFor();
    const heatmap = page.getByTestId("heatmap");
    await expect.poll(() => heatmap.locator("tbody tr").count(), soon).toBe(largest.systems);
    await page.getByRole("heading", { name: "Risks", exact: true }).waitFor();
    await page
      .getByTestId("risk-page-position")
      .or(page.getByText("No risks for this team."))
      .first()
      .waitFor();
    await shot(page, "org-scale-team-page");

    await page.goto(`${base}/executive`);
    await page.getByRole("heading", { name: "Per team" }).waitFor();
    await expect.poll(() => page.locator("#teams-heading ~ div tbody tr").count(), soon).toBe(demo.teams);
    await shot(page, "org-scale-executive");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
