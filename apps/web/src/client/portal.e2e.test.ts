// The portal end to end in real Chromium, over a platform seeded with a demo organisation:
// org heat map → team → system → evidence → as-of; every other page; a narrow screen.
// Screenshots of each page go to apps/web/test-artifacts/ for review.
import { insertDeadLetters, rowsOf, sql } from "@maturity/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newWatchedPage, problemsOf } from "../../test/browser.ts";
import { noChromium, prepareBrowserSuite, shot } from "../../test/browser-suite.ts";
import { startDemoPlatform, type DemoPlatform } from "../../test/demo-platform.ts";
import { eventually, postEvent, trpcClientFor } from "../../test/ingest-flow.ts";

const dayMs = 86_400_000;

describe.skipIf(noChromium("portal"))("the portal in a real browser", () => {
  let demo: DemoPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    prepareBrowserSuite();
    [demo, browser] = await Promise.all([
      startDemoPlatform({ seed: 11, teams: 4, systems: 24, days: 120, llmCallsPerDay: 2 }),
      launchChromium(),
    ]);
    base = demo.platform.url;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const newPage = (width = 1280, height = 900) => newWatchedPage(browser, { viewport: { width, height } });

  it("drills from the org heat map to a team, a system, its evidence, and the system as it was", async () => {
    const api = trpcClientFor(base);
    const overview = await api.org.overview.query({ trendDays: 30 });
    expect(overview.systems).toHaveLength(demo.systems);

    // A system whose scores 60 days ago differ from today's, so the as-of view must show a change:
    // the organisation as the platform scored it then (the score history), and the system's page
    // as of then (its events up to the end of that day, re-read).
    const pastDay = new Date(Date.now() - 60 * dayMs).toISOString().slice(0, 10);
    const endOfPastDay = `${pastDay}T23:59:59.999Z`;
    const orgPast = await api.org.overview.query({ asOf: endOfPastDay });
    const changed = overview.systems.find((system) =>
      orgPast.systems.some(
        (then) =>
          then.systemId === system.systemId &&
          Object.entries(system.axes).some(
            ([axis, now]) => then.axes[axis as "governance"].level !== now.level,
          ),
      ),
    );
    expect(changed, "the demo organisation has a system whose levels changed in 60 days").toBeDefined();
    const current = changed!;
    const { systemId, team } = current;
    const orgThen = orgPast.systems.find((system) => system.systemId === systemId)!;
    const past = await api.system.report.query({ systemId, asOf: endOfPastDay });

    const page = await newPage();
    await page.goto(`${base}/`);
    const heatmap = page.getByTestId("heatmap");
    await heatmap.waitFor();
    await expect.poll(() => heatmap.locator("tbody tr").count()).toBe(demo.systems);

    // Cells show the level as a number; the score appears on keyboard focus, not only on hover.
    const cellLink = heatmap.getByRole("link", {
      name: `${current.name}, Governance: level ${current.axes.governance.level}`,
    });
    expect(await cellLink.textContent()).toBe(String(current.axes.governance.level));
    await cellLink.focus();
    const tip = page.locator(`#${await cellLink.getAttribute("aria-describedby")}`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(`score ${current.axes.governance.score.toFixed(2)}`);
    await expect.poll(() => page.locator("#risks-heading + ol > li").count()).toBeGreaterThan(0);
    await page.locator(".recharts-surface").first().waitFor();
    await shot(page, "org");
    // Without sign-on configured, the header says so rather than pretending someone signed in.
    expect(await page.getByTestId("identity").textContent()).toBe("Local admin — no sign-in configured");

    // The whole organisation as it was 60 days ago: the target system's cells show its older levels.
    await page.getByLabel("As of").fill(pastDay);
    await page.getByTestId("org-point-in-time").waitFor();
    expect(new URL(page.url()).searchParams.get("asOf")).toBe(pastDay);
    for (const axis of [
      "reproducibility",
      "evaluation",
      "deployment",
      "observability",
      "governance",
    ] as const) {
      const label = `${current.name}, ${axis.charAt(0).toUpperCase()}${axis.slice(1)}: level ${orgThen.axes[axis].level}`;
      await heatmap.getByRole("link", { name: label, exact: true }).waitFor();
    }
    await shot(page, "org-as-of");
    await page.getByRole("button", { name: "Back to now" }).click();
    await expect.poll(() => page.getByTestId("org-point-in-time").count()).toBe(0);

    // Filters live in the URL, so a filtered view is a link.
    await page.getByLabel("Team", { exact: true }).selectOption(team);
    await expect.poll(() => new URL(page.url()).searchParams.get("team")).toBe(team);
    const teamSize = overview.systems.filter((system) => system.team === team).length;
    await expect.poll(() => heatmap.locator("tbody tr").count()).toBe(teamSize);
    await page.reload();
    await expect.poll(() => page.getByTestId("heatmap").locator("tbody tr").count()).toBe(teamSize);

    // Drill down: the team, then the system.
    await page.getByTestId("heatmap").getByRole("link", { name: team, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: `Team ${team}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/teams/${team}`);
    await page.getByText("Median score per axis, by track").waitFor();
    await shot(page, "team");
    // The team as it was 60 days ago, from the score history, then back to now.
    await page.getByLabel("As of").fill(pastDay);
    await page.getByTestId("team-point-in-time").waitFor();
    await page
      .getByTestId("heatmap")
      .getByRole("link", {
        name: `${current.name}, Governance: level ${orgThen.axes.governance.level}`,
        exact: true,
      })
      .waitFor();
    await shot(page, "team-as-of");
    await page.getByRole("button", { name: "Back to now" }).click();
    await expect.poll(() => page.getByTestId("team-point-in-time").count()).toBe(0);

    await page.getByTestId("heatmap").getByRole("link", { name: current.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: current.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/systems/${systemId}`);
    const summary = page.getByRole("list", { name: "Axis levels" });
    await expect
      .poll(() => summary.locator("li").allTextContents())
      .toContain(
        `Governance L${current.axes.governance.level} · ${current.axes.governance.score.toFixed(2)}`,
      );

    // Evidence one click away, and its payload one more.
    const showEvidence = page.getByRole("button", { name: /^Show evidence/ }).first();
    await showEvidence.click();
    expect(new URL(page.url()).searchParams.get("evidence")).toMatch(/^[a-z]+\.l\d\./);
    const firstEvent = page.locator(".evidence-list > li").first();
    await firstEvent.waitFor();
    await firstEvent.locator("summary").click();
    const payload = JSON.parse((await firstEvent.locator("pre").textContent()) ?? "{}") as {
      subject?: string;
    };
    expect(payload.subject).toBeTruthy();
    await shot(page, "system");

    // As of 60 days ago: the older scores, recomputed, with a banner saying so.
    await page.getByLabel("As of").fill(pastDay);
    await page.getByTestId("point-in-time").waitFor();
    expect(new URL(page.url()).searchParams.get("asOf")).toBe(pastDay);
    for (const [axis, label] of [
      ["reproducibility", "Reproducibility"],
      ["evaluation", "Evaluation"],
      ["deployment", "Deployment"],
      ["observability", "Observability"],
      ["governance", "Governance"],
    ] as const) {
      const then = past.report.axes[axis];
      await expect
        .poll(() => summary.locator("li").allTextContents())
        .toContain(`${label} L${then.level} · ${then.score.toFixed(2)}`);
    }
    await shot(page, "system-as-of");
    await page.getByRole("button", { name: "Back to now" }).click();
    await expect.poll(() => page.getByTestId("point-in-time").count()).toBe(0);

    // The other pages, through the navigation.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Executive" }).click();
    await page.getByRole("heading", { level: 1, name: "Executive view" }).waitFor();
    await page.getByRole("heading", { name: "Per team" }).waitFor();
    await expect.poll(() => page.locator("#teams-heading ~ div tbody tr").count()).toBe(4);
    await shot(page, "executive");

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Unmapped sources" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Unmapped sources" }).waitFor();
    await page
      .getByText(/Every source that sent events is mapped|sources$/)
      .first()
      .waitFor();
    await shot(page, "unmapped-sources");

    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("updates the open org page live when an event changes the scores, without a reload", async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    const rows = page.getByTestId("heatmap").locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const before = await rows.count();
    // Posting before the subscription is open could miss the notice; the header says when it is.
    await page.locator('[data-live="pending"]').waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const systemId = `live-${Date.now().toString(36)}`;
    const response = await postEvent(base, {
      specversion: "1.0",
      id: `${systemId}-registered`,
      source: "test://portal-e2e",
      type: "catalog.system.registered",
      time: new Date().toISOString(),
      subject: systemId,
      datacontenttype: "application/json",
      data: { name: "Live Arrival", team: "live", kind: "agent", riskTier: "limited" },
    });
    expect(response.status).toBe(202);
    await page
      .getByTestId("heatmap")
      .getByRole("link", { name: "Live Arrival", exact: true })
      .waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(before + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await shot(page, "org-live");
    await page.close();
  });

  it("lists an unmapped source and lets the local admin map it to a system", async () => {
    const ref = `repo:acme/orphan-${Date.now().toString(36)}`;
    const posted = await postEvent(base, {
      specversion: "1.0",
      id: `orphan-${Date.now()}`,
      source: "github://acme/orphan",
      type: "ci.pipeline.completed",
      time: new Date().toISOString(),
      subject: `unmapped:${ref}`,
      data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
    });
    expect(posted.status).toBe(202);
    const [system] = (await trpcClientFor(base).org.overview.query({ trendDays: 30 })).systems;
    const page = await newPage();
    await page.goto(`${base}/sources`);
    const row = page.getByRole("row").filter({ hasText: ref });
    await row.waitFor({ timeout: 20_000 });
    await row.getByLabel(`System for ${ref}`).selectOption(system!.systemId);
    await row.getByRole("button", { name: "Map" }).click();
    await row.getByText(`mapped to ${system!.systemId}`).waitFor({ timeout: 20_000 });
    await shot(page, "unmapped-sources-mapped");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("shows the admin a dead letter and re-drives it onto the log, recorded with who did it", async () => {
    const [system] = (await trpcClientFor(base).org.overview.query({ trendDays: 30 })).systems;
    const eventId = `dead-${Date.now().toString(36)}`;
    // Parked as the worker parks a record the database refused; re-driven, it applies as it is.
    await insertDeadLetters(demo.platform.database.db, [
      {
        position: `e2e@${eventId}`,
        key: system!.systemId,
        value: JSON.stringify({
          specversion: "1.0",
          id: eventId,
          source: "test://portal-e2e",
          type: "gov.owner.assigned",
          time: new Date().toISOString(),
          subject: system!.systemId,
          datacontenttype: "application/json",
          data: { owner: "dora" },
        }),
        reasonKind: "database_refused",
        reason: "could not serialize access due to a test",
      },
    ]);
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dead letters" }).click();
    await page.getByRole("heading", { level: 1, name: "Dead letters" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: eventId });
    await row.waitFor();
    expect(await row.textContent()).toContain("Refused by the database");
    expect(await row.textContent()).toContain("could not serialize access due to a test");
    expect(await page.getByTestId("count-database_refused").textContent()).toBe("1");
    await shot(page, "dead-letters");

    await row.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Re-drive selected (1)" }).click();
    await page.getByRole("status").filter({ hasText: "Re-drove 1 record" }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByTestId("count-database_refused").textContent()).toBe("0");
    await page.getByLabel("Show re-driven ones too").check();
    await row.getByText("by local,").waitFor();
    await shot(page, "dead-letters-redriven");

    // The worker applies the re-driven event, which names who re-drove it.
    await expect
      .poll(
        async () =>
          rowsOf<{ redrivenby: string }>(
            await demo.platform.database.db.execute(
              sql`select payload->>'redrivenby' as redrivenby from events where event_id = ${eventId}`,
            ),
          )[0]?.redrivenby,
        { timeout: 20_000 },
      )
      .toBe("local");
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it("says what went wrong and what to do for a system that does not exist", async () => {
    const page = await newPage();
    await page.goto(`${base}/systems/no-such-system`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /Could not load no-such-system.*no system "no-such-system".*Check the address/,
    );
    await page.close();
  });

  it("fits a 390 px wide screen without horizontal scrolling of the page", async () => {
    const overview = await trpcClientFor(base).org.overview.query({ trendDays: 30 });
    const system = overview.systems[0]!;
    const page = await newPage(390, 844);
    for (const [name, url, ready] of [
      ["org-narrow", "/", "Heat map"],
      ["team-narrow", `/teams/${system.team}`, "Risks"],
      ["system-narrow", `/systems/${system.systemId}`, "Operational metrics"],
      ["executive-narrow", "/executive", "Per team"],
    ] as const) {
      await page.goto(`${base}${url}`);
      await page.getByRole("heading", { name: ready, exact: true }).waitFor();
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() => ({
        body: document.body.scrollWidth,
        root: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(overflow.body, `${url}: body wider than the screen`).toBeLessThanOrEqual(overflow.viewport);
      expect(overflow.root, `${url}: page wider than the screen`).toBeLessThanOrEqual(overflow.viewport);
      await shot(page, name);
    }
    // On the org page the five axes fit too: the heat map needs no sideways scrolling of its own.
    await page.goto(`${base}/`);
    const heatmapFits = await page
      .getByTestId("heatmap")
      .evaluate((scroller) => scroller.scrollWidth <= scroller.clientWidth);
    expect(heatmapFits).toBe(true);
    await page.close();
  });

  // Last: it retires a system, which the tests above do not expect.
  it("marks a retired system and keeps its page readable; it leaves the heat map until registered again", async () => {
    const api = trpcClientFor(base);
    const [system] = (await api.org.overview.query({ trendDays: 30 })).systems;
    const catalogue = (type: string, data: Record<string, unknown>) => ({
      specversion: "1.0",
      id: `${type}-${Date.now().toString(36)}`,
      source: "test://portal-e2e",
      type,
      time: new Date().toISOString(),
      subject: system!.systemId,
      data,
    });
    expect((await postEvent(base, catalogue("catalog.system.retired", {}))).status).toBe(202);
    await eventually(
      () => api.org.overview.query({ trendDays: 30 }),
      (overview) => !overview.systems.some((candidate) => candidate.systemId === system!.systemId),
    );
    const page = await newPage();
    await page.goto(`${base}/systems/${system!.systemId}`);
    await page.getByTestId("retired").waitFor();
    await page.getByText("This system is retired").waitFor();
    await page.getByRole("heading", { name: "Operational metrics", exact: true }).waitFor();
    await shot(page, "system-retired");
    await page.goto(`${base}/events`);
    await page.getByRole("row").filter({ hasText: system!.name }).getByText("retired").waitFor();

    const registered = catalogue("catalog.system.registered", {
      name: system!.name,
      team: system!.team,
      kind: system!.kind,
      riskTier: system!.riskTier,
    });
    expect((await postEvent(base, registered)).status).toBe(202);
    await eventually(
      () => api.org.overview.query({ trendDays: 30 }),
      (overview) => overview.systems.some((candidate) => candidate.systemId === system!.systemId),
    );
    await page.goto(`${base}/systems/${system!.systemId}`);
    await page.getByRole("heading", { name: "Operational metrics", exact: true }).waitFor();
    expect(await page.getByTestId("retired").count()).toBe(0);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});
