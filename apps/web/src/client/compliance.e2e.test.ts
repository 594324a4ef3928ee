// The compliance views end to end in real Chromium, over a platform seeded with a demo
// organisation: system page → its Compliance view (frameworks, clauses, criteria, evidence), the
// audit pack downloaded, an open audit request delivered by the (local) admin and closed by the
// worker; the organisation's clause × risk tier table. Screenshots go to apps/web/test-artifacts/.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newWatchedPage, problemsOf } from "../../test/browser.ts";
import { closePage, noChromium, prepareBrowserSuite, shot } from "../../test/browser-suite.ts";
import { startDemoPlatform, type DemoPlatform } from "../../test/demo-platform.ts";
import { eventually, postEvent, trpcClientFor } from "../../test/ingest-flow.ts";

const hourMs = 3_600_000;

describe.skipIf(noChromium("compliance"))("the compliance views in a real browser", () => {
  let demo: DemoPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    prepareBrowserSuite();
    [demo, browser] = await Promise.all([
      startDemoPlatform({ seed: 7, teams: 3, systems: 15, days: 120, llmCallsPerDay: 1 }),
      launchChromium(),
    ]);
    base = demo.platform.url;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  const newPage = (width = 1280, height = 900) =>
    newWatchedPage(browser, { viewport: { width, height }, acceptDownloads: true });

  it("goes from a system's page to its Compliance view, downloads the pack and delivers it against a request", async () => {
    const api = trpcClientFor(base);
    const { systems } = await api.org.overview.query({ trendDays: 30 });
    const system = systems.find((candidate) => candidate.riskTier === "high") ?? systems[0]!;
    const auditId = `AUD-E2E-${Date.now().toString(36)}`;
    const posted = await postEvent(base, {
      specversion: "1.0",
      id: `${auditId}-requested`,
      source: "https://grc.bank.example",
      type: "gov.audit.requested",
      time: new Date(Date.now() - 3 * hourMs).toISOString(),
      subject: system.systemId,
      datacontenttype: "application/json",
      data: { auditId, requestedBy: "internal-audit" },
    });
    expect(posted.status).toBe(202);
    await eventually(
      () => api.compliance.openAuditRequests.query({ systemId: system.systemId }),
      (open) => open.some((request) => request.auditId === auditId),
    );

    const page = await newPage();
    await page.goto(`${base}/systems/${encodeURIComponent(system.systemId)}`);
    await page.getByRole("heading", { level: 1, name: system.name }).waitFor();
    await page.getByTestId("compliance-link").click();
    await page.getByRole("heading", { level: 1, name: `Compliance: ${system.name}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/systems/${system.systemId}/compliance`);

    // Framework → clause → criteria → status → evidence, as the router serves it.
    const served = await api.compliance.system.query({ systemId: system.systemId });
    for (const framework of ["eu-ai-act", "nist-ai-rmf", "iso-iec-42001"]) {
      await page.getByTestId(`framework-${framework}`).waitFor();
    }
    const euClauses = served.clauses.filter((entry) => entry.framework === "EU AI Act");
    const eu = page.getByTestId("framework-eu-ai-act");
    expect(await eu.locator("li.clause").count()).toBe(euClauses.length);
    expect(await eu.locator("li.clause-supported").count()).toBe(euClauses.filter((e) => e.supported).length);
    const first = euClauses[0]!;
    const clause = eu.locator(`li[data-clause="${first.clause}"]`);
    // A clause opens on a click to its criteria, their status and evidence.
    const summary = clause.locator("summary");
    expect(await summary.textContent()).toContain(first.clause);
    const criterion = first.criteria[0]!;
    const row = clause.locator(`tr[data-criterion="${criterion.criterionId}"]`);
    expect(await row.isVisible()).toBe(false);
    await summary.click();
    await row.waitFor();
    expect(await row.locator(".criterion-status-text").textContent()).toBe(
      {
        met: "Met",
        unmet: "Not met",
        no_data: "No data",
        waived: "Waived",
        not_applicable: "Not applicable",
      }[criterion.status],
    );
    // A criterion with evidence shows its newest events with type and time.
    const withEvidence = served.clauses
      .flatMap((entry) => entry.criteria.map((c) => ({ entry, c })))
      .find(({ c }) => c.evidence.some((event) => event.type !== null));
    expect(withEvidence, "some criterion of the demo system has evidence").toBeDefined();
    const shownEvent = withEvidence!.c.evidence.find((event) => event.type !== null)!;
    const evidenceClause = page.locator(`li[data-clause="${withEvidence!.entry.clause}"]`).first();
    if (withEvidence!.entry.clause !== first.clause) await evidenceClause.locator("summary").click();
    const evidenceRow = evidenceClause.locator(`tr[data-criterion="${withEvidence!.c.criterionId}"]`);
    await evidenceRow.waitFor();
    expect(await evidenceRow.textContent()).toContain(shownEvent.type!);
    expect(await evidenceRow.textContent()).toContain(`id ${shownEvent.id}`);
    await page.getByTestId("compliance-note").waitFor();
    expect(await page.getByTestId("pack-signing").textContent()).toContain("unsigned");
    await shot(page, "system-compliance");

    // The pack, downloaded as a browser does.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download audit pack" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-pack-.+\.zip$/);
    const zip = await readFile((await download.path())!);
    expect(zip.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(zip.includes("manifest.json")).toBe(true);

    // The open request, delivered by the admin; the worker closes it and the metric counts it.
    const request = page.getByTestId("audit-requests").locator(`li[data-audit="${auditId}"]`);
    await request.waitFor();
    await request.getByRole("button", { name: `Deliver the pack for ${auditId}` }).click();
    const status = page.getByTestId("delivery-status");
    await status.filter({ hasText: auditId }).waitFor();
    await status.filter({ hasText: "The request is closed" }).waitFor({ timeout: 30_000 });
    expect(await request.count()).toBe(0);
    await page.getByRole("heading", { name: "Open audit requests" }).scrollIntoViewIfNeeded();
    await shot(page, "system-compliance-delivered");
    const report = await eventually(
      () => api.system.report.query({ systemId: system.systemId }),
      (view) => view.report.metrics.auditResponseHours.p50 !== null,
    );
    expect(report.report.metrics.auditResponseHours.p50).toBeGreaterThan(0);
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("shows the organisation's clauses by risk tier, with the high-risk gaps marked", async () => {
    const api = trpcClientFor(base);
    const org = await api.compliance.org.query();
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }).click();
    await page.getByRole("heading", { level: 1, name: "Compliance" }).waitFor();
    const table = page.getByTestId("tier-table-eu-ai-act");
    await table.waitFor();
    const euRows = org.clauses.filter((row) => row.framework === "EU AI Act");
    expect(await table.locator("tbody tr").count()).toBe(euRows.length);
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Clause",
      ...org.tiers.map(
        ({ tier, systems }) =>
          `${tier[0]!.toUpperCase()}${tier.slice(1)} risk${systems} system${systems === 1 ? "" : "s"}`,
      ),
    ]);
    const sample = euRows[0]!;
    const high = sample.tiers.high;
    const applying = high.supported + high.partial + high.none;
    const cell = table.locator(`tr[data-clause="${sample.clause}"] td[data-tier="high"]`);
    expect(await cell.textContent()).toBe(
      applying === 0
        ? "not applicable"
        : `${high.supported} of ${applying}${high.partial} partly · ${high.none} nothing${high.partial + high.none > 0 ? "gap" : ""}`,
    );
    const gaps = org.clauses.filter((row) => row.tiers.high.partial + row.tiers.high.none > 0).length;
    expect(await page.locator("td.gap").count()).toBe(gaps);
    await page.getByTestId("compliance-note").waitFor();
    await shot(page, "org-compliance");

    // On a phone the page scrolls down, never sideways: the tables scroll within themselves.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => ({
      root: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(overflow.root).toBeLessThanOrEqual(overflow.viewport);
    await shot(page, "org-compliance-narrow");
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });
});
