// Campaigns end to end in real Chromium, behind sign-on: an admin defines one on the page (as a
// file would say it), sees its burn-up from the score history and the system that will miss the
// deadline with its next step, finds it among the executive page's campaigns at risk, and closes
// it; a viewer reads it but has no form. Screenshots go to apps/web/test-artifacts/ for review.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyBatch } from "@maturity/worker";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, problemsOf } from "../../test/browser.ts";
import {
  admin,
  closePage,
  noChromium,
  pageAs,
  prepareBrowserSuite,
  proxyAuth,
  shot,
  viewer,
} from "../../test/browser-suite.ts";
import { embeddedConfig } from "../../test/embedded-config.ts";
import { asRecords, testEvents } from "../../test/test-events.ts";
import type { RunningPlatform } from "../server/platform.ts";
import { startPlatform } from "../server/platform.ts";

const dayMs = 24 * 60 * 60 * 1000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * dayMs).toISOString();

const event = testEvents("campaign-e2e");

const deadline = new Date(now + 45 * dayMs).toISOString().slice(0, 10);
const campaignText = `id: llm-owners
name: High-risk LLM systems owned
scope:
  kinds: [llm, agent]
  riskTiers: [high]
target:
  kind: axis_level
  axis: governance
  level: 2
deadline: ${deadline}T00:00:00Z
owner: head-of-ml-platform
`;

describe.skipIf(noChromium("campaigns"))("campaigns in a real browser, behind sign-on", () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    prepareBrowserSuite();
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-campaigns-e2e-"));
    [platform, browser] = await Promise.all([
      startPlatform({ ...embeddedConfig(dataDir), auth: proxyAuth }),
      launchChromium(),
    ]);
    // Three high-risk systems appear ten weeks ago; one LLM system gets an owner three weeks ago.
    const db = platform.database.db;
    const registered = (id: string, kind: string) =>
      event("catalog.system.registered", id, daysAgo(70), {
        name: `System ${id}`,
        team: "atlas",
        kind,
        riskTier: "high",
      });
    await applyBatch(
      db,
      asRecords([
        registered("chat", "llm"),
        registered("triage", "agent"),
        registered("scorer", "classical"),
      ]),
      now - 70 * dayMs,
    );
    await applyBatch(
      db,
      asRecords([event("gov.owner.assigned", "chat", daysAgo(21), { owner: "jane" })]),
      now - 21 * dayMs,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("an admin defines a campaign, reads its burn-up and who will miss it, and closes it", async () => {
    const page = await pageAs(browser, admin);
    await page.goto(`${platform.url}/campaigns`);
    await page.getByText("No campaign yet").waitFor();
    await page.getByLabel("Campaign definition").fill(campaignText.replace("level: 2", "level: 9"));
    await page.getByRole("button", { name: "Save campaign" }).click();
    await page.getByLabel("Problems").getByText("target.level").waitFor();
    await page.getByLabel("Campaign definition").fill(campaignText);
    await page.getByRole("button", { name: "Save campaign" }).click();
    await page.getByRole("status").getByText("Saved: llm-owners").waitFor();
    // The worker applies the event; the list shows it once it has.
    await expect
      .poll(
        async () => {
          await page.reload();
          // Loaded, or not yet there: a short wait for the link after each reload.
          return page
            .getByRole("link", { name: "High-risk LLM systems owned" })
            .waitFor({ timeout: 3_000 })
            .then(
              () => 1,
              () => 0,
            );
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const row = page.getByRole("row", { name: /High-risk LLM systems owned/ });
    await expect.poll(() => row.textContent()).toContain("1 of 2");
    await shot(page, "campaigns-list");

    await page.getByRole("link", { name: "High-risk LLM systems owned" }).click();
    await page.getByRole("heading", { name: "1 of 2 systems meet the target" }).waitFor();
    expect(
      await page
        .getByRole("figure", { name: /Burn-up/ })
        .locator("svg .recharts-area")
        .count(),
    ).toBeGreaterThan(0);
    const atRisk = page.getByRole("region", { name: "At risk" });
    await atRisk.getByRole("link", { name: "System triage" }).waitFor();
    expect(await atRisk.textContent()).toContain("not improving");
    await shot(page, "campaign-detail");

    // As of four weeks ago, nobody met it yet.
    await page.getByLabel("As of").fill(daysAgo(28).slice(0, 10));
    await page.getByRole("heading", { name: "0 of 2 systems meet the target" }).waitFor();

    await page.goto(`${platform.url}/executive`);
    await page
      .getByRole("table", { name: "Campaigns at risk" })
      .getByRole("link", { name: "High-risk LLM systems owned" })
      .waitFor();
    await shot(page, "campaigns-executive");

    await page.goto(`${platform.url}/campaigns/llm-owners`);
    await page.getByLabel("Why").fill("Replaced by the Q3 campaign.");
    await page.getByRole("button", { name: "Close" }).click();
    // The worker applies it in moments; the page then says who closed it (and the form goes).
    await expect
      .poll(
        async () => {
          await page.reload();
          return page
            .getByText(/closed by ada@bank.example/)
            .waitFor({ timeout: 3_000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("a viewer reads campaigns but has no form to define or close one", async () => {
    const page = await pageAs(browser, viewer);
    await page.goto(`${platform.url}/campaigns`);
    await page.getByRole("link", { name: "High-risk LLM systems owned" }).waitFor();
    expect(await page.getByLabel("Campaign definition").count()).toBe(0);
    await page.goto(`${platform.url}/campaigns/llm-owners`);
    await page.getByRole("heading", { name: /systems meet the target/ }).waitFor();
    expect(await page.getByRole("button", { name: "Close" }).count()).toBe(0);
    await closePage(page);
  });
});
