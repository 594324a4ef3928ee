import type { AlertsConfig } from "@maturity/alerts";
import { alertsConfig, queuedMessage, testMessage, webhookSecret } from "@maturity/alerts/testing";
import { enqueueAlertMessages, listAlertMessages, recordAlertAttempt } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { EventLog } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";
import { parseEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { suiteAdminLog } from "../../../test/admin-log.ts";
import type { Viewer } from "../auth/viewer.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";
import { readRulesText, rulesYaml } from "./alerts-views.ts";

const createCaller = createCallerFactory(appRouter);
const admin: Viewer = { id: "ada@example.com", name: "Ada", roles: ["viewer", "admin"], via: "proxy" };
const viewer: Viewer = { id: "vic@example.com", name: "Vic", roles: ["viewer"], via: "proxy" };

// Credentials that must never reach the page: written out (the hook) or named (Slack's URL).
const hookUrl = "https://automation.acme.example/hooks/maturity-7f3a9c";
const hookSecret = webhookSecret();
const slackUrl = "https://hooks.slack.com/services/T0001/B0002/s3cr3tSlackToken";
const alertsFile = "alerts.yaml";
const alertsText = `
destinations:
  ml-platform-slack:
    type: slack
    url: \${SLACK_URL}
  governance-hook:
    type: webhook
    url: ${hookUrl}
    secret: \${HOOK_SECRET}
rules:
  - id: high-risk-level-drop
    kind: level_dropped
    riskTiers: [high]
    destinations: [ml-platform-slack, governance-hook]
  - id: org-top-five
    kind: risk_entered_top
    scope: org
    top: 5
    destinations: [ml-platform-slack]
grouping:
  quietHours:
    from: "22:00"
    to: "07:00"
    timeZone: Europe/Berlin
    destinations: [ml-platform-slack]
`;
const alerts: AlertsConfig = alertsConfig(
  alertsText,
  { SLACK_URL: slackUrl, HOOK_SECRET: hookSecret },
  alertsFile,
);

const newRules = `# Fewer, louder rules.
- id: governance-drop
  kind: level_dropped
  axes: [governance]
  minDrop: 2
  destinations: [governance-hook]
- id: waivers-ending
  kind: waiver_expiring
  withinDays: 14
  destinations: [governance-hook, ml-platform-slack]
`;

const decidedAt = "2026-11-20T09:30:00.000Z";
/** The test alert in message `id` to `destination`, queued in the outbox. */
const queued = (id: string, destination: string) => queuedMessage(testMessage(id, destination, decidedAt));

describe.each(["postgres", "pglite"] as const)("the alerts router (%s)", (driver) => {
  const store = suiteDatabase(driver);
  const log = suiteAdminLog(`alerts-router-${driver}`);

  const callerFor = (
    who: Viewer | null,
    options: { append?: EventLog["append"]; alerts?: AlertsConfig | null } = {},
  ) =>
    createCaller(
      createInnerContext({
        db: store().db,
        viewer: who,
        refusal: "sign in first",
        ...(options.append !== undefined && { appendToLog: options.append }),
        ...(options.alerts !== null && { alerts: options.alerts ?? alerts }),
      }),
    );
  const adminCaller = () => callerFor(admin, { append: log.append });
  const appended = () => log.appended();
  const applyAppended = () => log.applyAppended(store().db);

  it("is for admins only: a viewer gets FORBIDDEN, nobody signed in gets UNAUTHORIZED", async () => {
    const asViewer = callerFor(viewer, { append: log.append });
    await expect(asViewer.alerts.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asViewer.alerts.deliveries({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asViewer.alerts.changeRules({ text: newRules })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(asViewer.alerts.resetRules()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asViewer.alerts.redrive({ messageId: "msg_x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(null).alerts.overview()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "sign in first",
    });
    expect(await appended()).toEqual([]);
  });

  it("shows the destinations by name and type, quiet hours and the file's rules, never a credential", async () => {
    const overview = await adminCaller().alerts.overview();
    expect(overview).toMatchObject({
      enabled: true,
      file: alertsFile,
      destinations: [
        { name: "governance-hook", type: "webhook", quietHours: false },
        { name: "ml-platform-slack", type: "slack", quietHours: true },
      ],
      quietHours: {
        from: "22:00",
        to: "07:00",
        timeZone: "Europe/Berlin",
        destinations: ["ml-platform-slack"],
      },
      source: { kind: "file", file: alertsFile, lastChange: null },
      counts: { pending: 0, delivered: 0, dead: 0 },
    });
    expect(overview.enabled && overview.rules.map((rule) => [rule.id, rule.kind])).toEqual([
      ["high-risk-level-drop", "level_dropped"],
      ["org-top-five", "risk_entered_top"],
    ]);
    const json = JSON.stringify(overview);
    for (const credential of [hookUrl, hookSecret, hookSecret.slice(6), slackUrl, "s3cr3tSlackToken"])
      expect(json).not.toContain(credential);
    expect(json).not.toContain("hooks.slack.com");
    expect(json).not.toContain("automation.acme.example");
    // The editor's text reads back as the rules in force.
    if (!overview.enabled) return;
    const reread = readRulesText(overview.rulesYaml, Object.keys(alerts.destinations));
    expect(reread).toEqual({ ok: true, rules: alerts.rules });
  });

  it("writes rules as YAML that reads back as the same rules, odd text quoted", () => {
    const rules = [
      {
        id: "odd-teams",
        kind: "level_dropped" as const,
        minDrop: 1,
        teams: ["yes", "2024", "risk: ops", "#hash", "Ünïcode team"],
        destinations: ["governance-hook"],
      },
    ];
    const text = rulesYaml(rules);
    expect(text).toContain('teams: ["yes", "2024", "risk: ops", "#hash", "Ünïcode team"]');
    expect(readRulesText(text, ["governance-hook"])).toEqual({ ok: true, rules });
    expect(rulesYaml([])).toBe("[]\n");
    expect(readRulesText("[]", [])).toEqual({ ok: true, rules: [] });
  });

  it("says how to turn alerting on when it is off, and changes nothing", async () => {
    const off = callerFor(admin, { append: log.append, alerts: null });
    const overview = await off.alerts.overview();
    expect(overview.enabled).toBe(false);
    expect(!overview.enabled && overview.howToEnable).toContain("set MATURITY_ALERTS");
    for (const attempt of [
      off.alerts.changeRules({ text: newRules }),
      off.alerts.resetRules(),
      off.alerts.redrive({ messageId: "msg_x" }),
    ])
      await expect(attempt).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("set MATURITY_ALERTS"),
      });
    await expect(callerFor(admin).alerts.changeRules({ text: newRules })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("cannot write to the event log"),
    });
    expect(await appended()).toEqual([]);
  });

  it("refuses bad rules with every field path and message, appending nothing", async () => {
    const bad = `- id: ok-rule
  kind: level_dropped
  destinations: [governance-hook]
- id: ok-rule
  kind: level_dropped
  destinations: [pager]
- id: top-without-bound
  kind: risk_entered_top
  scope: org
  top: 0
  destinations: [ml-platform-slack]
- id: typo
  kind: level_dropped
  minDorp: 2
  destinations: [governance-hook]
- id: no-kind
  destinations: [governance-hook]
`;
    const result = await adminCaller().alerts.changeRules({ text: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Schema problems first; the whole-list checks (ids, destinations) run once every rule reads.
    expect(result.errors).toEqual([
      expect.objectContaining({ path: "rules[2].top", message: "must be at least 1 (got 0)", line: 10 }),
      expect.objectContaining({
        path: "rules[3].minDorp",
        message: expect.stringContaining(
          "unknown field; the fields here are id, destinations, kind, minDrop",
        ),
        line: 14,
      }),
      expect.objectContaining({
        path: "rules[4].kind",
        message: expect.stringMatching(/^missing: expected one of level_dropped, /),
      }),
    ]);
    const fixed = bad
      .replace("top: 0", "top: 3")
      .replace("minDorp", "minDrop")
      .replace(
        "- id: no-kind\n",
        "- id: no-kind\n  kind: gap_widened\n  scope: team\n  by: 0.5\n  periodDays: 30\n",
      );
    const second = await adminCaller().alerts.changeRules({ text: fixed });
    expect(!second.ok && second.errors).toEqual([
      {
        path: "rules[1].id",
        message: 'duplicate rule id "ok-rule" (also rules[0])',
        line: 4,
        column: 7,
      },
      {
        path: "rules[1].destinations[0]",
        message:
          'unknown destination "pager"; the alerts file\'s destinations are ml-platform-slack, governance-hook',
        line: 6,
        column: 18,
      },
    ]);
    const syntax = await adminCaller().alerts.changeRules({ text: "- id: [unclosed\n" });
    expect(!syntax.ok && syntax.errors[0]).toMatchObject({
      line: expect.any(Number),
      message: expect.stringContaining("YAML"),
    });
    const notAList = await adminCaller().alerts.changeRules({ text: "id: lonely" });
    expect(!notAList.ok && notAList.errors).toEqual([
      expect.objectContaining({
        path: "rules",
        message: expect.stringContaining("expected a list of rules"),
      }),
    ]);
    const withDestinations = await adminCaller().alerts.changeRules({
      text: `{"destinations": {}, "rules": []}`,
    });
    expect(!withDestinations.ok && withDestinations.errors).toEqual([
      expect.objectContaining({
        path: "destinations",
        message: expect.stringContaining("stay in the alerts file"),
      }),
    ]);
    expect(await appended()).toEqual([]);
  });

  it("puts good rules in force as one event naming the admin, which the worker applies", async () => {
    const result = await adminCaller().alerts.changeRules({ text: newRules });
    expect(result).toMatchObject({ ok: true, rules: 2 });
    if (!result.ok) return;
    const records = await appended();
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toBe("alerts");
    const event = JSON.parse(records[0]!.value) as MaturityEvent & { type: "alerts.rules.changed" };
    expect(event).toMatchObject({
      id: result.eventId,
      type: "alerts.rules.changed",
      source: "urn:maturity:portal",
      subject: "alerts",
      data: {
        actor: admin.id,
        rules: [
          { id: "governance-drop", kind: "level_dropped", axes: ["governance"], minDrop: 2 },
          { id: "waivers-ending", kind: "waiver_expiring", withinDays: 14, onExpiry: true },
        ],
      },
    });
    expect(parseEvent(event).ok).toBe(true);
    expect(Math.abs(Date.parse(event.time) - Date.now())).toBeLessThan(60_000);

    // Not in force until the worker applies it.
    expect(await adminCaller().alerts.overview()).toMatchObject({ source: { kind: "file" } });
    await applyAppended();
    const overview = await adminCaller().alerts.overview();
    expect(overview).toMatchObject({
      source: { kind: "portal", actor: admin.id, eventId: result.eventId, changedAt: event.time },
      rules: [
        { id: "governance-drop", kind: "level_dropped", destinations: ["governance-hook"] },
        {
          id: "waivers-ending",
          kind: "waiver_expiring",
          destinations: ["governance-hook", "ml-platform-slack"],
        },
      ],
    });
    expect(overview.enabled && overview.rules[0]!.settings).toBe("minDrop: 2; axes: governance");
    expect(overview.enabled && overview.rulesYaml).toContain(
      "- id: governance-drop\n  kind: level_dropped\n",
    );
    expect(overview.enabled && overview.fileRulesYaml).toContain("- id: high-risk-level-drop");
  });

  it("puts the file's rules back with resetRules", async () => {
    const { eventId } = await adminCaller().alerts.resetRules();
    const records = await appended();
    expect(records).toHaveLength(2);
    expect(JSON.parse(records[1]!.value)).toMatchObject({
      id: eventId,
      type: "alerts.rules.changed",
      data: { actor: admin.id, rules: null },
    });
    await applyAppended();
    const overview = await adminCaller().alerts.overview();
    expect(overview).toMatchObject({
      source: { kind: "file", file: alertsFile, lastChange: { actor: admin.id, eventId } },
      rules: [{ id: "high-risk-level-drop" }, { id: "org-top-five" }],
    });
  });

  it("lists the delivery log and re-drives a dead message through the worker; a pending one is refused", async () => {
    const db = store().db;
    await enqueueAlertMessages(db, [
      queued("msg_dead", "governance-hook"),
      queued("msg_pending", "ml-platform-slack"),
    ]);
    const deadAt = "2026-11-20T10:00:00.000Z";
    expect(
      await recordAlertAttempt(db, "msg_dead", {
        kind: "dead",
        at: deadAt,
        status: 500,
        error: `POST ${hookUrl} answered 500 Internal Server Error`,
      }),
    ).toBe(true);

    const caller = adminCaller();
    const dead = await caller.alerts.deliveries({ status: "dead" });
    expect(dead.rows).toHaveLength(1);
    expect(dead.rows[0]).toMatchObject({
      messageId: "msg_dead",
      destination: "governance-hook",
      destinationType: "webhook",
      status: "dead",
      attempts: 1,
      nextAttemptAt: null,
      lastStatus: 500,
      lastError: "POST [credential] answered 500 Internal Server Error",
      finishedAt: deadAt,
      sendAt: decidedAt,
      alerts: [
        {
          id: "alert_msg_dead",
          ruleId: "high-risk-level-drop",
          kind: "level_dropped",
          summary: "Fraud scoring dropped from level 3 to 2 on evaluation",
        },
      ],
    });
    expect(JSON.stringify(dead)).not.toContain(hookUrl);
    const all = await caller.alerts.deliveries({});
    expect(all.rows.map((row) => row.status).sort()).toEqual(["dead", "pending"]);
    expect((await caller.alerts.overview()).counts).toEqual({ pending: 1, delivered: 0, dead: 1 });
    await expect(caller.alerts.deliveries({ limit: 501 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Only a dead message can be re-driven.
    await expect(caller.alerts.redrive({ messageId: "msg_pending" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("is pending, not dead"),
    });
    await expect(caller.alerts.redrive({ messageId: "msg_nowhere" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("there is no alert message msg_nowhere"),
    });
    const before = (await appended()).length;
    const { eventId } = await caller.alerts.redrive({ messageId: "msg_dead" });
    const records = await appended();
    expect(records).toHaveLength(before + 1);
    const event = JSON.parse(records[before]!.value) as MaturityEvent;
    expect(event).toMatchObject({
      id: eventId,
      type: "alerts.delivery.redriven",
      source: "urn:maturity:portal",
      subject: "alerts",
      data: { actor: admin.id, messageId: "msg_dead" },
    });
    expect(parseEvent(event).ok).toBe(true);

    await applyAppended();
    const [row] = (await listAlertMessages(db)).filter((message) => message.messageId === "msg_dead");
    expect(row).toMatchObject({ status: "pending", attempts: 0, finishedAt: null });
    const shown = (await caller.alerts.deliveries({ status: "pending" })).rows.find(
      (r) => r.messageId === "msg_dead",
    );
    expect(shown).toMatchObject({ status: "pending", attempts: 0, lastError: `re-driven by ${admin.id}` });
    await expect(caller.alerts.redrive({ messageId: "msg_dead" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses to re-drive a message whose destination left the alerts file", async () => {
    const db = store().db;
    await enqueueAlertMessages(db, [queued("msg_gone", "old-pager")]);
    await recordAlertAttempt(db, "msg_gone", {
      kind: "dead",
      at: decidedAt,
      error:
        'the destination "old-pager" is no longer in the alerts file; add it back and re-drive the message',
    });
    const before = (await appended()).length;
    await expect(adminCaller().alerts.redrive({ messageId: "msg_gone" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('"old-pager" is no longer in the alerts file'),
    });
    const rows = (await adminCaller().alerts.deliveries({ status: "dead" })).rows;
    expect(rows.find((row) => row.messageId === "msg_gone")?.destinationType).toBeNull();
    expect(await appended()).toHaveLength(before);
  });

  it("leaves nothing changed when the log refuses the append", async () => {
    const refusing = async () => {
      throw new Error("broker away");
    };
    await expect(
      callerFor(admin, { append: refusing }).alerts.changeRules({ text: newRules }),
    ).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringContaining("broker away"),
    });
  });
});
