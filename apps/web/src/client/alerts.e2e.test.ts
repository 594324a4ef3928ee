// The alerts admin page end to end in real Chromium, behind sign-on: the platform runs with an
// alerts file whose webhook posts to a receiver in this test. An admin sees a dead message in the
// delivery log, re-drives it and watches it delivered; edits the rules, sees a bad edit refused
// with the field's path, puts good rules in force and the file's back. A viewer gets neither the
// page nor its API; with no alerts file the page says how to turn alerting on. Screenshots go to
// apps/web/test-artifacts/ for review.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { queuedMessage, testMessage, webhookSecret } from "@maturity/alerts/testing";
import { enqueueAlertMessages, listAlertMessages, recordAlertAttempt, rowsOf, sql } from "@maturity/db";
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
import { eventually, trpcClientFor } from "../../test/ingest-flow.ts";
import type { RunningPlatform } from "../server/platform.ts";
import { startPlatform } from "../server/platform.ts";

// Credentials the page must never show: the hook's secret and Slack's URL (named as variables).
const hookSecret = webhookSecret();
const slackUrl = "https://hooks.slack.example/services/T0001/B0002/s3cr3tSlackToken";
const secrets: Record<string, string> = { HOOK_SECRET: hookSecret, SLACK_URL: slackUrl };
const alertsText = (hookUrl: string) => `
destinations:
  governance-hook:
    type: webhook
    url: ${hookUrl}
    secret: \${HOOK_SECRET}
  ml-platform-slack:
    type: slack
    url: \${SLACK_URL}
rules:
  - id: high-risk-level-drop
    kind: level_dropped
    riskTiers: [high]
    destinations: [governance-hook]
  - id: org-top-five
    kind: risk_entered_top
    scope: org
    top: 5
    destinations: [ml-platform-slack]
`;

const deadId = "msg_e2e_dead_0001";
const deadMessage = testMessage(deadId, "governance-hook", new Date(Date.now() - 3_600_000).toISOString());

describe.skipIf(noChromium("alerts"))("the alerts admin page in a real browser, behind sign-on", () => {
  let dataDir: string;
  let offDir: string;
  let platform: RunningPlatform;
  let off: RunningPlatform;
  let browser: Browser;
  let receiver: Server;
  let hookUrl: string;
  const received: { webhookId: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    prepareBrowserSuite();
    // The webhook's receiver: takes every delivery.
    receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ webhookId: request.headers["webhook-id"] as string | undefined, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/maturity`;

    dataDir = await mkdtemp(path.join(tmpdir(), "maturity-alerts-e2e-"));
    offDir = await mkdtemp(path.join(tmpdir(), "maturity-alerts-off-e2e-"));
    const alertsFile = path.join(dataDir, "alerts.yaml");
    await writeFile(alertsFile, alertsText(hookUrl));
    [platform, off, browser] = await Promise.all([
      startPlatform({
        ...embeddedConfig(path.join(dataDir, "data")),
        auth: proxyAuth,
        MATURITY_ALERTS: alertsFile,
        alertSecrets: (name) => secrets[name],
      }),
      startPlatform({ ...embeddedConfig(offDir), auth: proxyAuth }),
      launchChromium(),
    ]);

    // A message given up on: not due (so the sender leaves it), then recorded dead.
    const db = platform.database.db;
    await enqueueAlertMessages(db, [
      queuedMessage(deadMessage, new Date(Date.now() + 86_400_000).toISOString()),
    ]);
    await recordAlertAttempt(db, deadId, {
      kind: "dead",
      at: new Date().toISOString(),
      status: 503,
      error: "503 Service Unavailable after 8 attempts: the receiver was down",
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await off?.close();
    await new Promise((resolve) => receiver?.close(resolve));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (offDir) await rm(offDir, { recursive: true, force: true });
  });

  const eventsOfType = async (type: string) =>
    rowsOf<{ payload: unknown }>(
      await platform.database.db.execute(sql`select payload from events where type = ${type} order by time`),
    ).map(
      (row) =>
        (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as {
          id: string;
          source: string;
          data: { actor: string; messageId?: string; rules?: unknown[] | null };
        },
    );

  it("shows an admin the dead message in the delivery log, and re-drives it until it is delivered", async () => {
    const base = platform.url;
    const page = await pageAs(browser, admin);
    await page.goto(`${base}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await page.getByRole("heading", { level: 1, name: "Alerts" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/alerts");
    await page.getByTestId("count-dead").filter({ hasText: "1" }).waitFor();
    expect(await page.getByTestId("rules-source").textContent()).toContain("From the alerts file");
    const destinations = page.getByTestId("destinations");
    expect(
      await destinations.getByRole("row").filter({ hasText: "governance-hook" }).textContent(),
    ).toContain("Webhook");
    expect(
      await destinations.getByRole("row").filter({ hasText: "ml-platform-slack" }).textContent(),
    ).toContain("Slack");

    const row = page.locator(`tr[data-message="${deadId}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("dead");
    const text = await row.textContent();
    expect(text).toContain("Dead");
    expect(text).toContain("503 Service Unavailable after 8 attempts");
    expect(text).toContain("Fraud scoring dropped from level 3 to 2 on evaluation");
    expect(text).toContain("high-risk-level-drop");
    // Dead rows are highlighted.
    expect(await row.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      "rgb(253, 240, 239)",
    );
    // No credential anywhere on the page.
    const html = await page.content();
    for (const credential of [hookSecret, hookSecret.slice(6), slackUrl, "s3cr3tSlackToken", hookUrl])
      expect(html).not.toContain(credential);

    // Only the dead ones, through the filter (kept in the address).
    await page.getByLabel("Filter by status").selectOption("dead");
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("dead");
    await expect.poll(() => page.locator("tr[data-status]").count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    await shot(page, "alerts-dead");

    await row.getByRole("button", { name: `Re-drive ${deadId}` }).click();
    await page.getByTestId("redrive-status").waitFor();
    // The worker applies the re-drive (pending again) and the sender delivers it to the receiver.
    await page.getByLabel("Filter by status").selectOption("");
    await eventually(
      async () => (await listAlertMessages(platform.database.db)).find((m) => m.messageId === deadId),
      (message) => message?.status === "delivered",
      45_000,
    );
    await page.locator(`tr[data-message="${deadId}"][data-status="delivered"]`).waitFor({ timeout: 45_000 });
    expect(received.some((delivery) => delivery.webhookId === deadId)).toBe(true);
    const [delivered] = (await listAlertMessages(platform.database.db)).filter((m) => m.messageId === deadId);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 204 });
    await page.getByTestId("count-dead").filter({ hasText: "0" }).waitFor({ timeout: 15_000 });
    await shot(page, "alerts-redriven");

    // The re-drive is on the record, with the admin.
    expect(await eventsOfType("alerts.delivery.redriven")).toEqual([
      expect.objectContaining({
        source: "urn:maturity:portal",
        data: { actor: "ada@bank.example", messageId: deadId },
      }),
    ]);
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("refuses a bad rules edit with the field's path, puts good rules in force, and the file's back", async () => {
    const page = await pageAs(browser, admin);
    await page.goto(`${platform.url}/admin/alerts`);
    const editor = page.getByLabel("Rules (YAML or JSON)");
    await editor.waitFor();
    // The editor starts from the rules in force, as YAML.
    expect(await editor.inputValue()).toContain("- id: high-risk-level-drop\n  kind: level_dropped\n");

    await editor.fill(
      "- id: org-top\n  kind: risk_entered_top\n  scope: org\n  top: 0\n  destinations: [pager]\n",
    );
    await page.getByRole("button", { name: "Save" }).click();
    const errors = page.getByTestId("rules-errors");
    await errors.waitFor();
    const errorText = await errors.textContent();
    expect(errorText).toContain("rules[0].top");
    expect(errorText).toContain("line 4, column 8");
    expect(errorText).toContain("must be at least 1 (got 0)");
    await errors.scrollIntoViewIfNeeded();
    await shot(page, "alerts-rules-error");
    expect(await eventsOfType("alerts.rules.changed")).toEqual([]);

    await editor.fill(
      "- id: org-top-three\n  kind: risk_entered_top\n  scope: org\n  top: 3\n  destinations: [governance-hook]\n",
    );
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("rules-status").filter({ hasText: "in force now" }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("rules-source").textContent()).toContain(
      "Set in the portal by ada@bank.example",
    );
    const rules = page.getByTestId("rules-in-force").locator("tr[data-rule]");
    await expect.poll(() => rules.count()).toBe(1);
    expect(await rules.first().getAttribute("data-rule")).toBe("org-top-three");
    await shot(page, "alerts-rules-portal");

    await page.getByRole("button", { name: "Use the file's rules" }).click();
    await page
      .getByTestId("rules-source")
      .filter({ hasText: "put back by ada@bank.example" })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => rules.count()).toBe(2);
    await page
      .getByTestId("rules-status")
      .filter({ hasText: "Back to the alerts file's rules: in force now." })
      .waitFor();
    expect(await page.getByRole("button", { name: "Use the file's rules" }).isDisabled()).toBe(true);

    const changes = await eventsOfType("alerts.rules.changed");
    expect(
      changes.map((event) => [event.source, event.data.actor, event.data.rules?.length ?? null]),
    ).toEqual([
      ["urn:maturity:portal", "ada@bank.example", 1],
      ["urn:maturity:portal", "ada@bank.example", null],
    ]);
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("gives a viewer neither the page nor its API", async () => {
    const page = await pageAs(browser, viewer);
    await page.goto(`${platform.url}/admin/alerts`);
    await page.getByText("This page is for admins").waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Alerts" }).count()).toBe(0);
    expect(await page.getByTestId("delivery-log").count()).toBe(0);
    await expect(trpcClientFor(platform.url, viewer).alerts.overview.query()).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
    await expect(
      trpcClientFor(platform.url, viewer).alerts.redrive.mutate({ messageId: deadId }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });

  it("says how to turn alerting on where no alerts file is set", async () => {
    const page = await pageAs(browser, admin);
    await page.goto(`${off.url}/admin/alerts`);
    const banner = page.getByTestId("alerts-off");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("MATURITY_ALERTS");
    expect(await page.getByTestId("rules-editor").count()).toBe(0);
    await page.getByTestId("delivery-log").getByText("No alert message yet.").waitFor();
    await shot(page, "alerts-off");
    expect(problemsOf(page)).toEqual([]);
    await closePage(page);
  });
});
