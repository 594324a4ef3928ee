// The policy page and waivers end to end in real Chromium, behind sign-on (the proxy's identity
// headers): an admin uploads the example policy, previews it, activates it and sees it in force once
// the worker has applied it; a viewer reads it but cannot upload or activate; a waiver granted
// through ingest shows on its system and in the organisation's count. Screenshots go to
// apps/web/test-artifacts/ for review.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rowsOf, sql } from "@maturity/db";
import { readPolicyText } from "@maturity/policy";
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
import { eventually, postEvent, trpcClientFor } from "../../test/ingest-flow.ts";
import { startWithFirstRun } from "../server/first-run.ts";
import type { RunningPlatform } from "../server/platform.ts";

const bankPath = fileURLToPath(new URL("../../../../examples/policies/regulated-bank.yaml", import.meta.url));
const bankText = readFileSync(bankPath, "utf8");
const bank = (() => {
  const read = readPolicyText(bankText, "regulated-bank.yaml");
  if (!read.ok) throw new Error("the example policy does not read");
  return read.policy;
})();

describe.skipIf(noChromium("policy"))("the policy page and waivers in a real browser, behind sign-on", () => {
  let dataDir: string;
  let platform: RunningPlatform;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    prepareBrowserSuite();
    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-policy-e2e-"));
    const started = startWithFirstRun(
      {
        ...embeddedConfig(dataDir),
        demo: { seed: 5, teams: 3, systems: 12, days: 120, llmCallsPerDay: 1 },
        auth: proxyAuth,
      },
      { reset: false, demo: true, progress: false },
    );
    [{ platform }, browser] = await Promise.all([started, launchChromium()]);
    base = platform.url;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("lets an admin upload the example policy, preview what it moves, activate it and see it in force", async () => {
    const page = await pageAs(browser, admin);
    await page.goto(`${base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policy" }).click();
    await page.getByRole("heading", { level: 1, name: "Policy" }).waitFor();
    await page.getByTestId("in-force-name").filter({ hasText: "builtin" }).waitFor();
    expect(await page.getByTestId("diff-from-builtin").textContent()).toContain("No differences");
    await page.getByRole("heading", { name: "Upload a policy" }).waitFor();
    await shot(page, "policy-builtin");

    // The file, read from disk as a browser uploads it; its text lands in the editor.
    await page.getByLabel("Policy file (YAML or JSON)").setInputFiles(bankPath);
    await expect.poll(() => page.getByLabel("Policy text").inputValue()).toBe(bankText);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("policy-preview");
    await preview.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("candidate-name").textContent()).toBe("regulated-bank 3");
    const diff = page.getByTestId("diff-from-in-force");
    expect(
      await diff.getByRole("row").filter({ hasText: "deployment.l3.several-deploys-weekly" }).textContent(),
    ).toContain("Disabled");
    expect(
      await diff.getByRole("row").filter({ hasText: "deployment.l2.monthly-releases" }).textContent(),
    ).toContain("Added");
    expect(
      await diff.getByRole("row").filter({ hasText: "evaluation.l2.results-recorded" }).textContent(),
    ).toContain("90% → 100%");
    expect(await diff.textContent()).toContain("Longest waiver: 180 → 90 days");
    const moves = page.getByTestId("policy-moves");
    const moveRows = moves.locator("tbody tr");
    expect(await moveRows.count()).toBeGreaterThan(0);
    expect(await moves.locator("caption").textContent()).toMatch(
      /^\d+ axis scores? would change on \d+ systems?$/,
    );
    await page.getByTestId("policy-team-moves").waitFor();
    expect(await page.getByTestId("policy-criterion-moves").locator("tbody tr").count()).toBeGreaterThan(0);
    // A system that moves, to look at once the policy is in force.
    const moved = moveRows.first();
    const movedHref = await moved.getByRole("link").getAttribute("href");
    const movedAxis = (await moved.locator("td").nth(1).textContent())!.toLowerCase();
    await shot(page, "policy-preview");

    // Activation asks for confirmation first.
    await page.getByRole("button", { name: "Activate regulated-bank 3…" }).click();
    const confirm = page.getByRole("button", { name: "Confirm activation" });
    await confirm.waitFor();
    await shot(page, "policy-confirm");
    await confirm.click();
    // The banner says the worker is re-scoring, or (if the worker was quicker than this page) that
    // the policy is in force already: either way the activation is acknowledged at once.
    await page
      .getByTestId("activation-status")
      .filter({ hasText: /regulated-bank 3 (was activated|is in force)/ })
      .waitFor();
    // The worker applies the event; the page notices the policy in force change.
    await page
      .getByTestId("in-force-name")
      .filter({ hasText: "regulated-bank" })
      .waitFor({ timeout: 30_000 });
    await page.getByTestId("activation-status").filter({ hasText: "is in force" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "In force: regulated-bank 3" }).count()).toBe(1);
    expect(
      await page
        .getByTestId("in-force-criteria-deployment")
        .locator('[data-criterion="deployment.l2.monthly-releases"]')
        .textContent(),
    ).toContain("added by the policy");
    expect(
      await page
        .getByTestId("in-force-criteria-evaluation")
        .locator('[data-criterion="evaluation.l2.results-recorded"]')
        .textContent(),
    ).toContain("changed: Met at");
    expect(await page.getByTestId("in-force-disabled-table").textContent()).toContain(
      "deployment.l3.several-deploys-weekly",
    );
    expect(await page.getByTestId("in-force-max-days").textContent()).toBe("90 days");
    expect(await page.getByTestId("policy-in-force").textContent()).toContain("by ada@bank.example");
    await shot(page, "policy-activated");

    // The log holds one activation, made in the portal by the admin.
    const stored = rowsOf<{ payload: unknown }>(
      await platform.database.db.execute(sql`select payload from events where type = 'policy.activated'`),
    ).map(
      (row) =>
        (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as {
          source: string;
          data: { actor: string; contentHash: string };
        },
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      source: "urn:maturity:portal",
      data: { actor: "ada@bank.example", contentHash: bank.contentHash },
    });

    // The system that moved: scored under the policy, its history saying why.
    await page.goto(`${base}${movedHref}`);
    await page.getByRole("heading", { name: "Operational metrics", exact: true }).waitFor();
    await expect.poll(() => page.getByTestId("rubric-version").textContent()).toBe(bank.rubricVersion);
    const section = page.locator(`#section-${movedAxis}`);
    await section.getByText(/^Score changes, with cause and rubric/).click();
    const policyPoint = section.locator('tr[data-cause="policy"]').first();
    await policyPoint.waitFor();
    expect(await policyPoint.textContent()).toContain("policy activated");
    expect(await policyPoint.textContent()).toContain(bank.rubricVersion);
    await section.scrollIntoViewIfNeeded();
    await shot(page, "system-policy-history");
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("shows a viewer the policy in force but no upload, and refuses the viewer's activation", async () => {
    const page = await pageAs(browser, viewer);
    await page.goto(`${base}/policy`);
    await page.getByRole("heading", { level: 1, name: "Policy" }).waitFor();
    await page.getByTestId("in-force-name").filter({ hasText: "regulated-bank" }).waitFor();
    await page.getByText("Policies are uploaded and activated by admins").waitFor();
    expect(await page.getByTestId("policy-upload").count()).toBe(0);
    expect(await page.getByLabel("Policy file (YAML or JSON)").count()).toBe(0);
    expect(await page.getByTestId("identity").textContent()).toBe("vic@bank.example, via company sign-on");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Policy" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Dead letters" }).count()).toBe(0);
    await shot(page, "policy-viewer");
    expect(problemsOf(page)).toEqual([]);

    // On a phone the page scrolls down, never sideways: wide tables scroll within themselves.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => ({
      root: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(overflow.root).toBeLessThanOrEqual(overflow.viewport);
    await shot(page, "policy-viewer-narrow");

    // The mutation itself, sent with the viewer's identity from the page: refused, nothing appended.
    const refused = await page.evaluate(
      async ({ text, contentHash }) => {
        const response = await fetch("/trpc/policy.activate", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text, fileName: "regulated-bank.yaml", contentHash }),
        });
        return { status: response.status, body: (await response.json()) as { error?: { message?: string } } };
      },
      { text: bankText.replace("version: 3", "version: 4"), contentHash: "0".repeat(64) },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain("not an admin");
    await expect(
      trpcClientFor(base, viewer).policy.preview.mutate({ text: bankText, fileName: "x.yaml" }),
    ).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    const activations = rowsOf<{ count: number | string }>(
      await platform.database.db.execute(
        sql`select count(*) as count from events where type = 'policy.activated'`,
      ),
    );
    expect(Number(activations[0]!.count)).toBe(1);
    await closePage(page);
  });

  it("shows a waiver granted through ingest on its system, and counts it on the organisation page", async () => {
    const api = trpcClientFor(base, viewer);
    const { waivers: rules } = await api.policy.inForce.query();
    // A criterion the system does not meet, which the policy allows to be waived.
    let target: { systemId: string; name: string; team: string; criterionId: string } | null = null;
    for (const system of (await api.org.overview.query({ trendDays: 30 })).systems) {
      const { report } = await api.system.report.query({ systemId: system.systemId });
      const criterion = Object.values(report.axes)
        .flatMap((axis) => axis.criteria)
        .find((candidate) => candidate.status === "unmet" && !rules.forbidden.includes(candidate.id));
      if (criterion) {
        target = {
          systemId: system.systemId,
          name: system.name,
          team: system.team,
          criterionId: criterion.id,
        };
        break;
      }
    }
    expect(target, "the demo organisation has an unmet criterion").not.toBeNull();
    const { systemId, name, team, criterionId } = target!;
    const now = Date.now();
    const posted = await postEvent(base, {
      specversion: "1.0",
      id: `waiver-${now.toString(36)}`,
      source: "https://grc.bank.example",
      type: "gov.waiver.granted",
      time: new Date(now).toISOString(),
      subject: systemId,
      datacontenttype: "application/json",
      data: {
        criterionId,
        reason: "Accepted by the model-risk committee until the migration lands.",
        approver: "head-of-model-risk@bank.example",
        // The model refuses times over a day ahead of now, so a waiver runs less than a day here.
        expiresAt: new Date(now + 20 * 3_600_000).toISOString(),
      },
    });
    expect(posted.status).toBe(202);
    await eventually(
      () => api.system.report.query({ systemId }),
      (view) => (view.report.waivers ?? []).some((waiver) => waiver.criterionId === criterionId),
    );

    const page = await pageAs(browser, viewer);
    await page.goto(`${base}/systems/${encodeURIComponent(systemId)}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const row = page.getByTestId("waivers").locator(`tr[data-criterion="${criterionId}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("head-of-model-risk@bank.example");
    expect(text).toContain("Accepted by the model-risk committee");
    expect(text).toMatch(/expires in (19|20) hours/);
    const waived = page.locator("li.criterion.status-waived");
    await waived.first().waitFor();
    expect(await waived.count()).toBe(1);
    expect(await waived.locator(".criterion-status-text").textContent()).toBe("Waived");
    await page.getByRole("heading", { name: "Waivers", exact: true }).scrollIntoViewIfNeeded();
    await shot(page, "system-waiver");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
    const counts = page.getByTestId("org-waivers");
    await counts.waitFor();
    expect(await page.getByTestId("org-waivers-total").textContent()).toBe("1");
    expect(await counts.getByRole("row").filter({ hasText: team }).first().textContent()).toBe(`${team}11`);
    await page.locator(".recharts-surface").first().waitFor();
    await page.getByRole("heading", { name: "Waivers in force" }).scrollIntoViewIfNeeded();
    await shot(page, "org-waivers");
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });
});
