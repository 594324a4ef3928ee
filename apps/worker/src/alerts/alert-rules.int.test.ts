// The alert rules through the worker, on PGlite and on the Postgres server: real events applied
// with applyBatch (and time moved with rescoreAll, the rollup with refreshRollups), and what the
// transaction that committed the change left in the outbox. For each kind of rule, a change that
// fires it and one that must not.
import type { AlertsConfig } from "@maturity/alerts";
import { alertsConfig, webhookSecret } from "@maturity/alerts/testing";
import type { Database, DatabaseHandle } from "@maturity/db";
import {
  countEvents,
  listAlertMessages,
  loadAlertOrgState,
  loadAlertRules,
  loadSystemReports,
  openDatabase,
  sql,
} from "@maturity/db";
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from "@maturity/db/testing";
import { exampleEvents, type Campaign, type MaturityEvent, type RiskTier } from "@maturity/model";
import { afterEach, describe, expect, it } from "vitest";
import { alertEvents, outboxAlerts } from "../../test/alert-events.ts";
import { records } from "../../test/records.ts";
import { applyBatch } from "../apply-batch.ts";
import { rescoreAll } from "../projections/rescore.ts";
import { refreshRollups } from "../projections/rollups.ts";

const hour = 60 * 60 * 1000;
const day = 24 * hour;
/** The worker's clock at the first batch of every case; later batches and re-scores move it on. */
const t0 = Date.parse("2026-10-01T12:00:00.000Z");

const namedOwner = "governance.l2.named-owner";
const auditTrail = "governance.l3.audit-trail";

/** When every system of these cases was registered: an LLM one in team claims, a classical one in risk. */
const registeredAt = "2026-09-01T09:00:00Z";
const llm = (riskTier: RiskTier) => ({ team: "claims", kind: "llm", riskTier }) as const;
const classical = (riskTier: RiskTier) => ({ team: "risk", kind: "classical", riskTier }) as const;

const alerts: AlertsConfig = alertsConfig(
  `
destinations:
  governance-hook:
    type: webhook
    url: http://127.0.0.1:9/governance
    secret: \${RULES_HOOK_SECRET}
  risk-hook:
    type: webhook
    url: http://127.0.0.1:9/risks
    secret: \${RULES_HOOK_SECRET}
  gap-hook:
    type: webhook
    url: http://127.0.0.1:9/gaps
    secret: \${RULES_HOOK_SECRET}
  portal-hook:
    type: webhook
    url: http://127.0.0.1:9/portal
    secret: \${RULES_HOOK_SECRET}
  campaign-hook:
    type: webhook
    url: http://127.0.0.1:9/campaigns
    secret: \${RULES_HOOK_SECRET}
rules:
  - id: governance-drop
    kind: level_dropped
    axes: [governance]
    destinations: [governance-hook]
  - id: high-risk-evidence-gone
    kind: evidence_stale
    destinations: [governance-hook]
  - id: waivers-ending
    kind: waiver_expiring
    withinDays: 14
    destinations: [governance-hook]
  - id: org-top-three
    kind: risk_entered_top
    scope: org
    top: 3
    destinations: [risk-hook]
  - id: governance-gap
    kind: gap_widened
    scope: org
    by: 1.5
    periodDays: 30
    axes: [governance]
    destinations: [gap-hook]
  - id: campaigns-off-track
    kind: campaign_off_track
    destinations: [campaign-hook]
`,
  { RULES_HOOK_SECRET: webhookSecret() },
);

const settings = { alerts };

/** A level drop as the governance-drop rule reports it: the named owner's waiver went away. */
const ownerWaiverDrop = {
  axis: "governance",
  before: 2,
  after: 1,
  criteria: [{ id: namedOwner, before: "waived", after: "no_data" }],
};

describe.each(["pglite", "postgres"] as const)("alert rules decided by the worker (%s)", (driver) => {
  const opened: { handle: DatabaseHandle; scratch?: ScratchDatabase }[] = [];

  /** A database of its own for each case: the rules in force and the rollup state are organisation-wide. */
  async function freshDatabase(): Promise<Database> {
    if (driver === "pglite") {
      const handle = await openDatabase({ inMemory: true });
      opened.push({ handle });
      return handle.db;
    }
    const scratch = await createScratchDatabase(testDatabaseUrl);
    const handle = await openDatabase({ url: scratch.url });
    opened.push({ handle, scratch });
    return handle.db;
  }

  afterEach(async () => {
    for (const { handle, scratch } of opened.splice(0)) {
      await handle.close();
      await scratch?.drop();
    }
  });

  /** A case's database and the events it sends, with ids of their own. */
  const freshCase = async (name: string) => ({ db: await freshDatabase(), make: alertEvents(name) });

  const apply = (db: Database, events: readonly MaturityEvent[], now: number) =>
    applyBatch(db, records(events), now, settings);
  const outbox = async (db: Database) => outboxAlerts(await listAlertMessages(db));
  const reportOf = async (db: Database, systemId: string) =>
    (await loadSystemReports(db)).find((r) => r.systemId === systemId)!;

  /** Runs `step` (a re-score, a rollup) and checks it decided nothing: the outbox is as it was. */
  async function decidesNothing(db: Database, step: () => Promise<unknown>) {
    const before = await listAlertMessages(db);
    await step();
    expect(await listAlertMessages(db)).toEqual(before);
  }

  /** A system whose governance is at level 2 only by a waiver of its named-owner criterion. */
  async function waivedSystem(db: Database, make: ReturnType<typeof alertEvents>, systemId: string) {
    const granted = make.waiverGranted(systemId, namedOwner, "2026-09-10T09:00:00Z", "2027-01-15T00:00:00Z");
    await apply(db, [make.registered(systemId, llm("limited"), registeredAt), granted], t0);
    expect((await reportOf(db, systemId)).axes.governance.level).toBe(2);
    return granted;
  }

  describe("level_dropped", () => {
    it("fires once for a drop across two batches, and not for the recovery", async () => {
      const { db, make } = await freshCase("across");
      await waivedSystem(db, make, "claims-triage");
      // First seen in that batch: nothing to drop from.
      expect(await outbox(db)).toEqual([]);

      await apply(db, [make.waiverRevoked("claims-triage", namedOwner, "2026-09-20T09:00:00Z")], t0 + hour);
      const rows = await listAlertMessages(db);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ destination: "governance-hook", status: "pending", attempts: 0 });
      expect(await outbox(db)).toEqual([
        expect.objectContaining({
          destination: "governance-hook",
          kind: "level_dropped",
          ruleId: "governance-drop",
          subject: "claims-triage",
          change: ownerWaiverDrop,
        }),
      ]);

      // Back up: a rise is no alert.
      await apply(
        db,
        [make.waiverGranted("claims-triage", namedOwner, "2026-09-25T09:00:00Z", "2027-01-15T00:00:00Z")],
        t0 + 2 * hour,
      );
      expect((await listAlertMessages(db)).map((row) => row.messageId)).toEqual([rows[0]!.messageId]);
    });

    it("does not fire for a level that drops and comes back within one batch", async () => {
      const { db, make } = await freshCase("within");
      await waivedSystem(db, make, "claims-triage");
      const regranted = make.waiverGranted(
        "claims-triage",
        namedOwner,
        "2026-09-21T09:00:00Z",
        "2027-01-15T00:00:00Z",
      );
      await apply(
        db,
        [make.waiverRevoked("claims-triage", namedOwner, "2026-09-20T09:00:00Z"), regranted],
        t0 + hour,
      );
      // The batch did apply: the level is held by the new waiver now.
      const report = await reportOf(db, "claims-triage");
      expect(report.axes.governance.level).toBe(2);
      expect(report.waivers?.map((waiver) => waiver.eventId)).toEqual([regranted.id]);
      expect(await outbox(db)).toEqual([]);
    });

    it("does not fire for a system seen for the first time, beside one that drops in the same batch", async () => {
      const { db, make } = await freshCase("first-seen");
      await waivedSystem(db, make, "known-system");
      await apply(
        db,
        [
          make.waiverRevoked("known-system", namedOwner, "2026-09-20T09:00:00Z"),
          // A newcomer whose waiver came and went before the worker ever scored it: level 1, no drop.
          make.registered("newcomer", llm("high"), registeredAt),
          make.waiverGranted("newcomer", namedOwner, "2026-09-10T09:00:00Z", "2027-01-15T00:00:00Z"),
          make.waiverRevoked("newcomer", namedOwner, "2026-09-20T09:00:00Z"),
        ],
        t0 + hour,
      );
      expect((await reportOf(db, "newcomer")).axes.governance.level).toBe(1);
      expect((await outbox(db)).map((alert) => [alert.kind, alert.subject])).toEqual([
        ["level_dropped", "known-system"],
      ]);
    });

    it("keeps one message for a batch delivered twice (inside one batch, and again after it committed)", async () => {
      const { db, make } = await freshCase("twice");
      await waivedSystem(db, make, "claims-triage");
      const drop = [make.waiverRevoked("claims-triage", namedOwner, "2026-09-20T09:00:00Z")];

      const first = await apply(db, [...drop, ...drop], t0 + hour);
      expect(first).toMatchObject({ applied: 1, duplicates: 1 });
      const [row] = await listAlertMessages(db);
      expect(row).toBeDefined();

      // Redelivered after its commit (the offset was not committed): a later clock, same events.
      const again = await apply(db, [...drop, ...drop], t0 + 2 * hour);
      expect(again).toMatchObject({ applied: 0, duplicates: 2, changes: [] });
      expect(await listAlertMessages(db)).toEqual([row]);
      expect((await outbox(db)).map((alert) => [alert.kind, alert.subject])).toEqual([
        ["level_dropped", "claims-triage"],
      ]);
    });

    it("leaves no outbox row when the batch's transaction fails after the score change", async () => {
      const { db, make } = await freshCase("rolled-back");
      await waivedSystem(db, make, "claims-triage");
      const eventsBefore = await countEvents(db);
      // A deferred constraint trigger: the outbox row is written, and the commit refuses it, so the
      // transaction fails after everything in it (the score change and the alert) was done.
      await db.execute(
        sql.raw(`create function refuse_outbox_at_commit() returns trigger language plpgsql as $$
          begin raise exception 'the test refuses the commit of outbox message %', new.message_id; end $$`),
      );
      await db.execute(
        sql.raw(`create constraint trigger refuse_outbox_at_commit after insert on alert_outbox
          deferrable initially deferred for each row execute function refuse_outbox_at_commit()`),
      );
      const drop = [make.waiverRevoked("claims-triage", namedOwner, "2026-09-20T09:00:00Z")];
      await expect(apply(db, drop, t0 + hour)).rejects.toThrow(/refuses the commit of outbox message msg_/);

      expect(await listAlertMessages(db)).toEqual([]);
      // The score change went with it, and the event was not stored.
      expect((await reportOf(db, "claims-triage")).axes.governance.level).toBe(2);
      expect(await countEvents(db)).toBe(eventsBefore);

      // Redelivered once the database accepts it: the change commits, and its alert with it.
      await db.execute(sql.raw(`drop trigger refuse_outbox_at_commit on alert_outbox`));
      await apply(db, drop, t0 + 2 * hour);
      expect((await outbox(db)).map((alert) => [alert.kind, alert.subject, alert.change])).toEqual([
        ["level_dropped", "claims-triage", ownerWaiverDrop],
      ]);
    });
  });

  it("decides under an admin's rules once alerts.rules.changed is applied, and under the file's again after null", async () => {
    const { db, make } = await freshCase("rules");
    await waivedSystem(db, make, "claims-triage");
    const revoke = (time: string) => make.waiverRevoked("claims-triage", namedOwner, time);
    const regrant = (time: string) =>
      make.waiverGranted("claims-triage", namedOwner, time, "2027-01-15T00:00:00Z");

    // An admin's rules: any drop, to the portal's hook (the file's governance-drop is no longer in force).
    await apply(
      db,
      [
        make.rulesChanged(
          [{ id: "portal-any-drop", kind: "level_dropped", destinations: ["portal-hook"] }],
          "2026-09-15T09:00:00Z",
        ),
      ],
      t0 + hour,
    );
    expect(await loadAlertRules(db)).toMatchObject({
      rules: [{ id: "portal-any-drop", kind: "level_dropped", minDrop: 1, destinations: ["portal-hook"] }],
      actor: "admin@acme.example",
    });
    await apply(db, [revoke("2026-09-20T09:00:00Z")], t0 + 2 * hour);
    expect((await outbox(db)).map((a) => [a.destination, a.ruleId, a.kind, a.subject, a.change])).toEqual([
      ["portal-hook", "portal-any-drop", "level_dropped", "claims-triage", ownerWaiverDrop],
    ]);

    await apply(db, [regrant("2026-09-21T09:00:00Z")], t0 + 3 * hour);
    // null puts the file's rules back; the drop in the same batch is decided under them.
    await apply(
      db,
      [make.rulesChanged(null, "2026-09-22T09:00:00Z"), revoke("2026-09-23T09:00:00Z")],
      t0 + 4 * hour,
    );
    expect(await loadAlertRules(db)).toMatchObject({ rules: null });
    expect((await outbox(db)).map((a) => [a.destination, a.ruleId, a.subject])).toEqual([
      ["portal-hook", "portal-any-drop", "claims-triage"],
      ["governance-hook", "governance-drop", "claims-triage"],
    ]);

    // An admin's empty list: nothing alerts.
    await apply(db, [regrant("2026-09-24T09:00:00Z")], t0 + 5 * hour);
    await apply(db, [make.rulesChanged([], "2026-09-25T09:00:00Z")], t0 + 6 * hour);
    await apply(db, [revoke("2026-09-26T09:00:00Z")], t0 + 7 * hour);
    expect(await listAlertMessages(db)).toHaveLength(2);
  });

  it("evidence_stale: a high-risk system's activity evidence ages out on a periodic re-score", async () => {
    const { db, make } = await freshCase("stale");
    const evidenced = (systemId: string, riskTier: "high" | "limited") => [
      make.registered(systemId, classical(riskTier), registeredAt),
      make.ownerAssigned(systemId, "2026-09-02T09:00:00Z"),
      make.changeReviewed(systemId, "2026-09-03T09:00:00Z"),
    ];
    const batch = [...evidenced("fraud-scoring", "high"), ...evidenced("churn-model", "limited")];
    await apply(db, batch, t0);
    const review = batch.find((e) => e.subject === "fraud-scoring" && e.type === "gov.change.reviewed")!;

    // Still inside the 90-day window (it ends on 2026-12-02): nothing aged out.
    await decidesNothing(db, () => rescoreAll(db, t0 + 30 * day, settings));

    await rescoreAll(db, t0 + 70 * day, settings);
    const alertsNow = await outbox(db);
    // One decision, one message: both systems lost level 3; only the high-risk one is watched for staleness.
    expect(new Set(alertsNow.map((alert) => alert.messageId)).size).toBe(1);
    expect(alertsNow.map((a) => [a.destination, a.kind, a.subject])).toEqual([
      ["governance-hook", "level_dropped", "churn-model"],
      ["governance-hook", "level_dropped", "fraud-scoring"],
      ["governance-hook", "evidence_stale", "fraud-scoring"],
    ]);
    expect(alertsNow[2]!.change).toEqual({
      criterionId: auditTrail,
      axis: "governance",
      evidenceKind: "activity",
      before: { status: "met", evidenceCount: 1 },
      after: { status: "no_data", evidenceCount: 0 },
    });
    expect(alertsNow[1]!.change).toMatchObject({ axis: "governance", before: 3, after: 2 });
    const [row] = await listAlertMessages(db);
    expect((row!.message as { alerts: { evidence: string[] }[] }).alerts[2]!.evidence).toEqual([review.id]);

    // Aged out already: a later re-score says nothing more.
    await decidesNothing(db, () => rescoreAll(db, t0 + 71 * day, settings));
  });

  it("waiver_expiring: fires when a periodic re-score crosses the warning point, and at expiry", async () => {
    const { db, make } = await freshCase("waiver");
    // Limited risk: evidence_stale (high-risk systems by default) stays out of this case.
    await apply(db, [make.registered("fraud-scoring", classical("limited"), registeredAt)], t0);
    const expiresAt = new Date(t0 + 20 * day).toISOString();
    const waiver = make.waiverGranted("fraud-scoring", namedOwner, "2026-09-30T09:00:00Z", expiresAt);
    await decidesNothing(db, () => apply(db, [waiver], t0 + hour));

    // Warned from 14 days before the expiry (t0 + 6 days): not yet.
    await decidesNothing(db, () => rescoreAll(db, t0 + 3 * day, settings));

    await rescoreAll(db, t0 + 7 * day, settings);
    expect((await outbox(db)).map((a) => [a.destination, a.kind, a.ruleId, a.subject, a.change])).toEqual([
      [
        "governance-hook",
        "waiver_expiring",
        "waivers-ending",
        "fraud-scoring",
        {
          waiverId: waiver.id,
          criterionId: namedOwner,
          approver: "head-of-model-risk@acme.example",
          expiresAt,
          withinDays: 14,
          before: "in_force",
          after: "expiring",
          daysLeft: 13,
        },
      ],
    ]);

    // Past the warning point already: the next re-score says nothing.
    await decidesNothing(db, () => rescoreAll(db, t0 + 8 * day, settings));

    // Expired: said once, with the level it held.
    await rescoreAll(db, t0 + 21 * day, settings);
    const latest = (await outbox(db)).slice(1);
    expect(latest.map((a) => [a.kind, a.subject])).toEqual([
      ["level_dropped", "fraud-scoring"],
      ["waiver_expiring", "fraud-scoring"],
    ]);
    expect(latest[0]!.change).toEqual(ownerWaiverDrop);
    expect(latest[1]!.change).toMatchObject({ before: "expiring", after: "expired", daysLeft: 0 });
    await decidesNothing(db, () => rescoreAll(db, t0 + 22 * day, settings));
  });

  it("risk_entered_top: the first rollup decides nothing; a later one with a new top risk does", async () => {
    const { db, make } = await freshCase("top");
    // Governance at level 3 and the rest at 1: axis mismatches, in the top three from the start.
    await apply(
      db,
      [
        make.registered("fraud-scoring", classical("high"), registeredAt),
        make.ownerAssigned("fraud-scoring", "2026-09-02T09:00:00Z"),
        make.changeReviewed("fraud-scoring", "2026-09-03T09:00:00Z"),
        make.registered("claims-agent", llm("high"), registeredAt),
      ],
      t0,
    );
    await decidesNothing(db, () => refreshRollups(db, t0, alerts));
    expect(await loadAlertOrgState(db)).toMatchObject({ asOf: new Date(t0).toISOString() });
    // Nothing new: nothing decided.
    await decidesNothing(db, () => refreshRollups(db, t0 + hour, alerts));

    // The LLM system's mismatches come to outrank them (1.5 levels apart at exposure 3: 4.5 against
    // 4) and enter the top three: not in the system's batch, which decides no organisation rule,
    // but on the rollup after it.
    await decidesNothing(db, () =>
      apply(
        db,
        [
          make.ownerAssigned("claims-agent", "2026-09-04T09:00:00Z"),
          make.changeReviewed("claims-agent", "2026-09-05T09:00:00Z"),
        ],
        t0 + 2 * hour,
      ),
    );
    await refreshRollups(db, t0 + 3 * hour, alerts);
    const entered = await outbox(db);
    expect(entered.map((a) => [a.destination, a.kind, a.ruleId, a.subject])).toEqual([
      ["risk-hook", "risk_entered_top", "org-top-three", "claims-agent"],
      ["risk-hook", "risk_entered_top", "org-top-three", "claims-agent"],
      ["risk-hook", "risk_entered_top", "org-top-three", "claims-agent"],
    ]);
    expect(entered.map((a) => [a.change.before, a.change.after, a.change.top])).toEqual([
      [null, 1, 3],
      [null, 2, 3],
      [null, 3, 3],
    ]);
    expect(entered[0]!.change.risk).toMatchObject({
      kind: "axis_mismatch",
      systemId: "claims-agent",
      rank: 4.5,
    });
    // The gap between the tracks narrowed (2 to 0.5): gap-hook has nothing.
    expect(entered.filter((a) => a.destination === "gap-hook")).toEqual([]);

    await decidesNothing(db, () => refreshRollups(db, t0 + 4 * hour, alerts));
  });

  it("gap_widened: fires on the rollup that carries the gap past the threshold, not below it or after", async () => {
    const { db, make } = await freshCase("gap");
    await apply(
      db,
      [
        make.registered("fraud-scoring", classical("high"), registeredAt),
        make.registered("claims-agent", llm("limited"), registeredAt),
      ],
      t0,
    );
    await refreshRollups(db, t0, alerts);
    const gapAlerts = async () => (await outbox(db)).filter((alert) => alert.destination === "gap-hook");

    // The classical track one level ahead on governance: wider by 1, under the rule's 1.5.
    await apply(db, [make.ownerAssigned("fraud-scoring", "2026-09-02T09:00:00Z")], t0 + hour);
    await refreshRollups(db, t0 + 2 * hour, alerts);
    expect(await gapAlerts()).toEqual([]);

    // Two levels ahead: wider by 2 than at the period's start.
    await apply(db, [make.changeReviewed("fraud-scoring", "2026-09-03T09:00:00Z")], t0 + 3 * hour);
    await refreshRollups(db, t0 + 4 * hour, alerts);
    expect((await gapAlerts()).map((a) => [a.kind, a.ruleId, a.subject, a.change])).toEqual([
      [
        "gap_widened",
        "governance-gap",
        "org",
        {
          scope: "org",
          axis: "governance",
          periodDays: 30,
          by: 1.5,
          baseline: { at: new Date(t0).toISOString(), gap: 0 },
          before: 1,
          after: 2,
          widenedBy: 2,
        },
      ],
    ]);

    // Still as wide: no second alert.
    await refreshRollups(db, t0 + 5 * hour, alerts);
    expect(await gapAlerts()).toHaveLength(1);
  });

  it("campaign_off_track: fires on the rollup after an in-scope system falls off track, once", async () => {
    const { db, make } = await freshCase("campaign");
    // The docs' example campaign, its deadline still ahead.
    const example = exampleEvents.find((event) => event.type === "campaign.defined")!;
    const campaign: Campaign = {
      ...(example.data as { campaign: Campaign }).campaign,
      deadline: "2027-06-30T00:00:00Z",
    };
    await apply(
      db,
      [
        make.campaignDefined(campaign, "2026-09-01T08:00:00Z"),
        make.registered("fraud-scoring", classical("high"), registeredAt),
      ],
      t0,
    );
    const campaignAlerts = async () =>
      (await outbox(db)).filter((alert) => alert.destination === "campaign-hook");
    // The first rollup has no before; the second sees the campaign with no system in its scope.
    await refreshRollups(db, t0 + hour, alerts);
    await refreshRollups(db, t0 + 2 * hour, alerts);
    expect(await campaignAlerts()).toEqual([]);

    // A high-risk LLM system comes into scope at evaluation level 1, and stays there: six weeks on,
    // its flat history says it is not improving toward level 3.
    await apply(db, [make.registered("claims-agent", llm("high"), "2026-10-01T12:30:00Z")], t0 + 3 * hour);
    await refreshRollups(db, t0 + 42 * day, alerts);
    expect((await campaignAlerts()).map((a) => [a.kind, a.ruleId, a.subject, a.change])).toEqual([
      [
        "campaign_off_track",
        "campaigns-off-track",
        "claims-agent",
        {
          campaignId: "llm-eval-l3",
          campaignName: "High-risk LLM systems at evaluation level 3",
          deadline: "2027-06-30T00:00:00Z",
          reason: "not_improving",
          expected: null,
        },
      ],
    ]);

    // Still at risk on the next rollup: no second alert.
    await refreshRollups(db, t0 + 43 * day, alerts);
    expect(await campaignAlerts()).toHaveLength(1);
  });
});
