import { describe, expect, it } from "vitest";
import type { AlertRule } from "./alerts-schema.ts";
import { decideAlerts, gapHistoryDays } from "./decide.ts";
import type { AlertSnapshot, CampaignRiskSnapshot, CampaignSnapshot } from "./snapshot.ts";
import {
  assistant,
  at,
  criterion,
  day,
  fraud,
  gap,
  hour,
  iso,
  levels,
  risk,
  rollup,
  rule,
  snapshot,
  t0,
} from "./test/snapshots.ts";

interface Case {
  name: string;
  rule: AlertRule;
  before: AlertSnapshot;
  after: AlertSnapshot;
  /** The decision's time; an hour after the before state unless given. */
  now?: Date;
  /** The summaries expected, in order; [] for "does not fire". */
  fires: string[];
}

const dropped = snapshot({
  stateId: "state-2",
  systems: [fraud({ levels: levels(3, { evaluation: 2 }) }), assistant()],
});

const levelCases: Case[] = [
  {
    name: "a level that drops fires",
    rule: rule({ kind: "level_dropped" }),
    before: snapshot(),
    after: dropped,
    fires: ["Fraud scorer (team payments) dropped from level 3 to level 2 on evaluation."],
  },
  {
    name: "a level that drops and comes back within one batch does not fire",
    rule: rule({ kind: "level_dropped" }),
    before: snapshot(),
    after: snapshot({ stateId: "state-2" }),
    fires: [],
  },
  {
    name: "a level that rises does not fire",
    rule: rule({ kind: "level_dropped" }),
    before: dropped,
    after: snapshot({ stateId: "state-3" }),
    fires: [],
  },
  {
    name: "a drop on an axis the rule does not watch does not fire",
    rule: rule({ kind: "level_dropped", axes: ["governance", "deployment"] }),
    before: snapshot(),
    after: dropped,
    fires: [],
  },
  {
    name: "a drop on a watched axis fires",
    rule: rule({ kind: "level_dropped", axes: ["evaluation"] }),
    before: snapshot(),
    after: dropped,
    fires: ["Fraud scorer (team payments) dropped from level 3 to level 2 on evaluation."],
  },
  {
    name: "a drop of a kind the rule does not watch does not fire",
    rule: rule({ kind: "level_dropped", kinds: ["llm", "agent"] }),
    before: snapshot(),
    after: dropped,
    fires: [],
  },
  {
    name: "a drop of a risk tier the rule does not watch does not fire",
    rule: rule({ kind: "level_dropped", riskTiers: ["limited", "minimal"] }),
    before: snapshot(),
    after: dropped,
    fires: [],
  },
  {
    name: "a drop of a team the rule does not watch does not fire",
    rule: rule({ kind: "level_dropped", teams: ["support"] }),
    before: snapshot(),
    after: dropped,
    fires: [],
  },
  {
    name: "a drop matching every filter fires",
    rule: rule({ kind: "level_dropped", teams: ["payments"], kinds: ["classical"], riskTiers: ["high"] }),
    before: snapshot(),
    after: dropped,
    fires: ["Fraud scorer (team payments) dropped from level 3 to level 2 on evaluation."],
  },
  {
    name: "a drop smaller than minDrop does not fire",
    rule: rule({ kind: "level_dropped", minDrop: 2 }),
    before: snapshot(),
    after: dropped,
    fires: [],
  },
  {
    name: "a drop of minDrop levels fires, naming the criteria that stopped counting",
    rule: rule({ kind: "level_dropped", minDrop: 2 }),
    before: snapshot(),
    after: snapshot({
      systems: [
        fraud({
          levels: levels(3, { evaluation: 1 }),
          criteria: [
            criterion("evaluation.l3.suite-in-ci", { status: "no_data", evidence: [], evidenceCount: 0 }),
          ],
        }),
        assistant(),
      ],
    }),
    fires: [
      "Fraud scorer (team payments) dropped from level 3 to level 1 on evaluation. No longer counting: evaluation.l3.suite-in-ci (now no_data).",
    ],
  },
  {
    name: "a system seen for the first time does not fire, however low",
    rule: rule({ kind: "level_dropped" }),
    before: snapshot({ systems: [fraud()] }),
    after: snapshot({ systems: [fraud(), assistant({ levels: levels(1) })] }),
    fires: [],
  },
  {
    name: "drops on two axes are two alerts, in display order",
    rule: rule({ kind: "level_dropped" }),
    before: snapshot(),
    after: snapshot({
      systems: [fraud({ levels: levels(3, { governance: 1, reproducibility: 2 }) }), assistant()],
    }),
    fires: [
      "Fraud scorer (team payments) dropped from level 3 to level 2 on reproducibility.",
      "Fraud scorer (team payments) dropped from level 3 to level 1 on governance.",
    ],
  },
];

const ranked = (...ids: string[]) => ids.map((id) => risk(id));
const teamRisk = risk("track_gap:team:support:", {
  kind: "track_gap",
  systemId: undefined,
  team: "support",
  title: "LLM systems trail",
});

const riskCases: Case[] = [
  {
    name: "a risk entering the organisation's top N fires",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2 }),
    before: snapshot({ risks: ranked("a", "b", "c") }),
    after: snapshot({ risks: ranked("a", "c", "b") }),
    fires: [
      "A axis mismatch risk of Fraud scorer (team payments) entered the organisation's top 2 at #2: Risk c",
    ],
  },
  {
    name: "a risk already in the top N that moves up does not fire",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2 }),
    before: snapshot({ risks: ranked("a", "b", "c") }),
    after: snapshot({ risks: ranked("b", "a", "c") }),
    fires: [],
  },
  {
    name: "a risk that rises but stays below the top N does not fire",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2 }),
    before: snapshot({ risks: ranked("a", "b", "c", "d") }),
    after: snapshot({ risks: ranked("a", "b", "d", "c") }),
    fires: [],
  },
  {
    name: "a new risk straight into the top N fires",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 1 }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({ risks: ranked("new", "a") }),
    fires: [
      "A axis mismatch risk of Fraud scorer (team payments) entered the organisation's top 1 at #1: Risk new",
    ],
  },
  {
    name: "a risk entering its team's top N fires though the organisation ranks it lower",
    rule: rule({ kind: "risk_entered_top", scope: "team", top: 1 }),
    before: snapshot({ risks: [risk("a"), risk("s1", { team: "support", systemId: "support-assistant" })] }),
    after: snapshot({
      risks: [
        risk("a"),
        risk("s2", { team: "support", systemId: "support-assistant" }),
        risk("s1", { team: "support", systemId: "support-assistant" }),
      ],
    }),
    fires: [
      "A axis mismatch risk of Support assistant (team support) entered team support's top 1 at #1: Risk s2",
    ],
  },
  {
    name: "a risk kind the rule does not watch does not fire",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2, riskKinds: ["stale_evidence"] }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({ risks: ranked("a", "b") }),
    fires: [],
  },
  {
    name: "a team the rule does not watch does not fire",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2, teams: ["support"] }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({ risks: ranked("a", "b") }),
    fires: [],
  },
  {
    name: "a team-level risk fires with the team as its subject",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2 }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({ risks: [risk("a"), teamRisk] }),
    fires: ["A track gap risk of team support entered the organisation's top 2 at #2: LLM systems trail"],
  },
  {
    name: "a filter on system kinds leaves team-level risks out",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 2, kinds: ["llm"] }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({ risks: [risk("a"), teamRisk] }),
    fires: [],
  },
  {
    name: "a filter on risk tiers picks the system's tier",
    rule: rule({ kind: "risk_entered_top", scope: "org", top: 3, riskTiers: ["limited"] }),
    before: snapshot({ risks: ranked("a") }),
    after: snapshot({
      risks: [risk("a"), risk("b"), risk("s", { team: "support", systemId: "support-assistant" })],
    }),
    fires: [
      "A axis mismatch risk of Support assistant (team support) entered the organisation's top 3 at #3: Risk s",
    ],
  },
];

const now = at(31 * day);
const monthAgo = { at: iso(0), trackGap: gap(0.5) };
const gapSnapshots = (before: number | null, after: number | null, history = [monthAgo]) => ({
  before: snapshot({ asOf: iso(31 * day - hour), rollups: { org: rollup(gap(before), history), teams: {} } }),
  after: snapshot({ stateId: "state-2", rollups: { org: rollup(gap(after), history), teams: {} } }),
});
const teamGaps = (before: number, after: number) => ({
  before: snapshot({
    asOf: iso(31 * day - hour),
    rollups: {
      org: rollup(gap(0)),
      teams: { payments: rollup(gap(before), [monthAgo]), support: rollup(gap(before), [monthAgo]) },
    },
  }),
  after: snapshot({
    rollups: {
      org: rollup(gap(0)),
      teams: { payments: rollup(gap(after), [monthAgo]), support: rollup(gap(after), [monthAgo]) },
    },
  }),
});

const gapCases: Case[] = [
  {
    name: "a gap widening by at least X over the period fires, once per axis",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30, axes: ["evaluation"] }),
    ...gapSnapshots(0.8, 1.1),
    now,
    fires: [
      "Organisation: on evaluation, LLM/agent systems trail classical ones by 1.10, 0.60 wider than on 2026-03-01 (0.50 → 1.10).",
    ],
  },
  {
    name: "a gap widening by exactly X fires",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30, axes: ["evaluation"] }),
    ...gapSnapshots(0.8, 1.0),
    now,
    fires: [
      "Organisation: on evaluation, LLM/agent systems trail classical ones by 1.00, 0.50 wider than on 2026-03-01 (0.50 → 1.00).",
    ],
  },
  {
    name: "a gap widening by less than X does not fire",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30 }),
    ...gapSnapshots(0.8, 0.9),
    now,
    fires: [],
  },
  {
    name: "a gap that was already X wider does not fire again",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30 }),
    ...gapSnapshots(1.1, 1.3),
    now,
    fires: [],
  },
  {
    name: "a gap that narrows does not fire",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30 }),
    ...gapSnapshots(0.8, 0.2),
    now,
    fires: [],
  },
  {
    name: "a gap the other way (classical lagging) widens by its size",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30, axes: ["governance"] }),
    ...gapSnapshots(-0.8, -1.2),
    now,
    fires: [
      "Organisation: on governance, classical systems trail LLM/agent ones by 1.20, 0.70 wider than on 2026-03-01 (0.50 → -1.20).",
    ],
  },
  {
    name: "without history the widening is measured from the before state",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30, axes: ["evaluation"] }),
    ...gapSnapshots(0.2, 0.8, []),
    now,
    fires: [
      "Organisation: on evaluation, LLM/agent systems trail classical ones by 0.80, 0.60 wider than on 2026-03-31 (0.20 → 0.80).",
    ],
  },
  {
    name: "a track without systems (no gap) does not fire",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30 }),
    ...gapSnapshots(0.8, null),
    now,
    fires: [],
  },
  {
    name: "team scope fires per team the rule watches",
    rule: rule({
      kind: "gap_widened",
      scope: "team",
      by: 0.5,
      periodDays: 30,
      axes: ["deployment"],
      teams: ["support"],
    }),
    ...teamGaps(0.6, 1.2),
    now,
    fires: [
      "Team support: on deployment, LLM/agent systems trail classical ones by 1.20, 0.70 wider than on 2026-03-01 (0.50 → 1.20).",
    ],
  },
  {
    name: "the baseline is the gap at the period's start, not an older one",
    rule: rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 10, axes: ["evaluation"] }),
    ...gapSnapshots(0.8, 1.1, [monthAgo, { at: iso(20 * day), trackGap: gap(0.9) }]),
    now,
    fires: [],
  },
];

const waiver = (expiresInMs: number, id = "waiver-1") => ({
  id,
  criterionId: "governance.l3.model-card",
  expiresAt: iso(expiresInMs),
  approver: "ciso@acme.example",
  reason: "Model card in review",
});
const withWaivers = (waivers: ReturnType<typeof waiver>[], asOf = t0, stateId = "state-1") =>
  snapshot({ asOf, stateId, systems: [fraud({ waivers }), assistant()] });

const waiverCases: Case[] = [
  {
    name: "a waiver crossing into its last N days fires",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(14 * day + 30 * 60_000)]),
    after: withWaivers([waiver(14 * day + 30 * 60_000)], iso(hour), "state-2"),
    fires: [
      "The waiver on governance.l3.model-card for Fraud scorer (team payments) expires in 14 days, on 2026-03-15 (approved by ciso@acme.example).",
    ],
  },
  {
    name: "a waiver already within its last N days does not fire again at the next re-score",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(10 * day)]),
    after: withWaivers([waiver(10 * day)], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a waiver not yet within N days does not fire",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(20 * day)]),
    after: withWaivers([waiver(20 * day)], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a waiver granted already within N days fires once",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([]),
    after: withWaivers([waiver(3 * day)], iso(hour), "state-2"),
    fires: [
      "The waiver on governance.l3.model-card for Fraud scorer (team payments) expires in 3 days, on 2026-03-04 (approved by ciso@acme.example).",
    ],
  },
  {
    name: "a waiver that expired (gone from the after state) fires",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(30 * 60_000)]),
    after: withWaivers([], iso(hour), "state-2"),
    fires: [
      "The waiver on governance.l3.model-card for Fraud scorer (team payments) expired on 2026-03-01: the criterion is judged on its evidence again.",
    ],
  },
  {
    name: "a waiver that expired long ago does not fire again",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(-day)]),
    after: withWaivers([], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a waiver that skipped its warning and expired fires once, as expired",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(20 * day)]),
    after: withWaivers([], iso(21 * day), "state-2"),
    now: at(21 * day),
    fires: [
      "The waiver on governance.l3.model-card for Fraud scorer (team payments) expired on 2026-03-21: the criterion is judged on its evidence again.",
    ],
  },
  {
    name: "an expiry is not said when onExpiry is false",
    rule: rule({ kind: "waiver_expiring", withinDays: 14, onExpiry: false }),
    before: withWaivers([waiver(30 * 60_000)]),
    after: withWaivers([], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a revoked waiver (gone before its expiry) does not fire",
    rule: rule({ kind: "waiver_expiring", withinDays: 14 }),
    before: withWaivers([waiver(10 * day)]),
    after: withWaivers([], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a waiver on an axis the rule does not watch does not fire",
    rule: rule({ kind: "waiver_expiring", withinDays: 14, axes: ["evaluation"] }),
    before: withWaivers([waiver(14 * day + 30 * 60_000)]),
    after: withWaivers([waiver(14 * day + 30 * 60_000)], iso(hour), "state-2"),
    fires: [],
  },
  {
    name: "a waiver of a team the rule does not watch does not fire",
    rule: rule({ kind: "waiver_expiring", withinDays: 14, teams: ["support"] }),
    before: withWaivers([waiver(30 * 60_000)]),
    after: withWaivers([], iso(hour), "state-2"),
    fires: [],
  },
];

const stale = (system: typeof fraud, overrides: Parameters<typeof criterion>[1] = {}) =>
  system({
    criteria: [
      criterion("evaluation.l3.suite-in-ci", {
        status: "no_data",
        evidence: [],
        evidenceCount: 0,
        ...overrides,
      }),
      criterion("governance.l2.named-owner", { evidenceKind: "state" }),
    ],
  });

const staleCases: Case[] = [
  {
    name: "a high-risk system losing a criterion's evidence fires",
    rule: rule({ kind: "evidence_stale" }),
    before: snapshot(),
    after: snapshot({ systems: [stale(fraud), assistant()] }),
    fires: [
      "Fraud scorer (team payments), high risk, has no activity evidence left for evaluation.l3.suite-in-ci (it had 2 events); it is now no data.",
    ],
  },
  {
    name: "a waiver ending does not fire: its grant is no practice's evidence (waiver_expiring says it)",
    rule: rule({ kind: "evidence_stale" }),
    before: snapshot({
      systems: [
        fraud({
          criteria: [
            criterion("evaluation.l3.suite-in-ci", {
              status: "waived",
              evidence: ["grant-1"],
              evidenceCount: 1,
            }),
          ],
        }),
        assistant(),
      ],
    }),
    after: snapshot({ systems: [stale(fraud), assistant()] }),
    fires: [],
  },
  {
    name: "a limited-risk system losing evidence does not fire (high risk by default)",
    rule: rule({ kind: "evidence_stale" }),
    before: snapshot(),
    after: snapshot({ systems: [fraud(), stale(assistant)] }),
    fires: [],
  },
  {
    name: "a rule naming other tiers watches them instead",
    rule: rule({ kind: "evidence_stale", riskTiers: ["limited"] }),
    before: snapshot(),
    after: snapshot({ systems: [stale(fraud), stale(assistant)] }),
    fires: [
      "Support assistant (team support), limited risk, has no activity evidence left for evaluation.l3.suite-in-ci (it had 2 events); it is now no data.",
    ],
  },
  {
    name: "an evidence kind the rule does not watch does not fire",
    rule: rule({ kind: "evidence_stale", evidence: ["state"] }),
    before: snapshot(),
    after: snapshot({ systems: [stale(fraud), assistant()] }),
    fires: [],
  },
  {
    name: "a state criterion losing its evidence fires for a rule on state evidence",
    rule: rule({ kind: "evidence_stale", evidence: ["state"] }),
    before: snapshot(),
    after: snapshot({
      systems: [
        fraud({
          criteria: [
            criterion("evaluation.l3.suite-in-ci"),
            criterion("governance.l2.named-owner", {
              evidenceKind: "state",
              status: "unmet",
              evidence: [],
              evidenceCount: 0,
            }),
          ],
        }),
        assistant(),
      ],
    }),
    fires: [
      "Fraud scorer (team payments), high risk, has no state evidence left for governance.l2.named-owner (it had 2 events); it is now unmet.",
    ],
  },
  {
    name: "a criterion that still has some evidence does not fire",
    rule: rule({ kind: "evidence_stale" }),
    before: snapshot(),
    after: snapshot({
      systems: [stale(fraud, { evidence: ["evt-9"], evidenceCount: 1, status: "unmet" }), assistant()],
    }),
    fires: [],
  },
  {
    name: "a criterion that had no evidence before does not fire",
    rule: rule({ kind: "evidence_stale" }),
    before: snapshot({ systems: [stale(fraud), assistant()] }),
    after: snapshot({ systems: [stale(fraud), assistant()], stateId: "state-2" }),
    fires: [],
  },
  {
    name: "an axis the rule does not watch does not fire",
    rule: rule({ kind: "evidence_stale", axes: ["governance"] }),
    before: snapshot(),
    after: snapshot({ systems: [stale(fraud), assistant()] }),
    fires: [],
  },
];

const campaignName = "High-risk LLM systems at evaluation level 3";
const campaign = (
  atRisk: (Pick<CampaignRiskSnapshot, "systemId" | "name" | "team"> & Partial<CampaignRiskSnapshot>)[],
  overrides: Partial<CampaignSnapshot> = {},
): CampaignSnapshot => ({
  campaignId: "llm-eval-l3",
  name: campaignName,
  deadline: "2027-06-30T00:00:00Z",
  atRisk: atRisk.map((s) => ({ reason: "not_improving", expected: null, ...s })),
  ...overrides,
});
const atRiskFraud = { systemId: "fraud-scorer", name: "Fraud scorer", team: "payments" };
const atRiskAssistant = { systemId: "support-assistant", name: "Support assistant", team: "support" };
const offTrack = (name: string, team: string, reason = "not improving") =>
  `${name} (team ${team}) fell off track for campaign '${campaignName}' (deadline 2027-06-30): ${reason}.`;

const campaignCases: Case[] = [
  {
    name: "a system newly at risk fires",
    rule: rule({ kind: "campaign_off_track" }),
    before: snapshot({ campaigns: [campaign([])] }),
    after: snapshot({ stateId: "state-2", campaigns: [campaign([atRiskFraud])] }),
    fires: [offTrack("Fraud scorer", "payments")],
  },
  {
    name: "a system already at risk does not fire again",
    rule: rule({ kind: "campaign_off_track" }),
    before: snapshot({ campaigns: [campaign([atRiskFraud])] }),
    after: snapshot({ stateId: "state-2", campaigns: [campaign([atRiskFraud, atRiskAssistant])] }),
    fires: [offTrack("Support assistant", "support")],
  },
  {
    name: "a campaign the last decision did not see decides nothing",
    rule: rule({ kind: "campaign_off_track" }),
    before: snapshot({ campaigns: [] }),
    after: snapshot({ stateId: "state-2", campaigns: [campaign([atRiskFraud])] }),
    fires: [],
  },
  {
    name: "a state saved without campaigns decides nothing",
    rule: rule({ kind: "campaign_off_track" }),
    before: snapshot(),
    after: snapshot({ stateId: "state-2", campaigns: [campaign([atRiskFraud])] }),
    fires: [],
  },
  {
    name: "only the campaigns named",
    rule: rule({ kind: "campaign_off_track", campaigns: ["other"] }),
    before: snapshot({ campaigns: [campaign([]), campaign([], { campaignId: "other" })] }),
    after: snapshot({
      stateId: "state-2",
      campaigns: [
        campaign([atRiskFraud]),
        campaign([{ ...atRiskAssistant, reason: "too_slow", expected: "2027-09-01T00:00:00.000Z" }], {
          campaignId: "other",
        }),
      ],
    }),
    fires: [offTrack("Support assistant", "support", "improving too slowly (expected 2027-09-01)")],
  },
  {
    name: "only the teams named",
    rule: rule({ kind: "campaign_off_track", teams: ["support"] }),
    before: snapshot({ campaigns: [campaign([])] }),
    after: snapshot({ stateId: "state-2", campaigns: [campaign([atRiskFraud, atRiskAssistant])] }),
    fires: [offTrack("Support assistant", "support")],
  },
  {
    name: "a system the after state does not know is skipped",
    rule: rule({ kind: "campaign_off_track" }),
    before: snapshot({ campaigns: [campaign([])] }),
    after: snapshot({ stateId: "state-2", systems: [assistant()], campaigns: [campaign([atRiskFraud])] }),
    fires: [],
  },
];

describe("decideAlerts", () => {
  const table = [
    ["level_dropped", levelCases],
    ["risk_entered_top", riskCases],
    ["gap_widened", gapCases],
    ["waiver_expiring", waiverCases],
    ["evidence_stale", staleCases],
    ["campaign_off_track", campaignCases],
  ] as const;
  for (const [kind, cases] of table)
    describe(kind, () => {
      it.each(cases)("$name", ({ rule, before, after, now, fires }) => {
        const alerts = decideAlerts({ rules: [rule], before, after, now: now ?? at(hour) });
        expect(alerts.map((a) => a.summary)).toEqual(fires);
        for (const alert of alerts)
          expect(alert).toMatchObject({ kind, ruleId: rule.id, destinations: ["ops"] });
      });
    });

  it("describes what changed, with before, after and the evidence", () => {
    const [levelAlert] = decideAlerts({
      rules: [rule({ kind: "level_dropped" })],
      before: snapshot(),
      after: snapshot({
        systems: [
          fraud({
            levels: levels(3, { evaluation: 2 }),
            criteria: [
              criterion("evaluation.l3.suite-in-ci", {
                status: "unmet",
                evidence: ["evt-3"],
                evidenceCount: 1,
              }),
            ],
          }),
        ],
      }),
      now: at(hour),
    });
    expect(levelAlert).toMatchObject({
      subject: { type: "system", systemId: "fraud-scorer", name: "Fraud scorer", team: "payments" },
      change: {
        axis: "evaluation",
        before: 3,
        after: 2,
        criteria: [{ id: "evaluation.l3.suite-in-ci", before: "met", after: "unmet" }],
      },
      evidence: ["evt-3", "evt-1", "evt-2"],
      decidedAt: iso(hour),
    });

    const [waiverAlert] = decideAlerts({
      rules: [rule({ kind: "waiver_expiring", withinDays: 14 })],
      before: withWaivers([]),
      after: withWaivers([waiver(3 * day)], iso(hour)),
      now: at(hour),
    });
    expect(waiverAlert?.change).toEqual({
      waiverId: "waiver-1",
      criterionId: "governance.l3.model-card",
      approver: "ciso@acme.example",
      expiresAt: iso(3 * day),
      withinDays: 14,
      before: "not_seen",
      after: "expiring",
      daysLeft: 3,
    });
    expect(waiverAlert?.evidence).toEqual(["waiver-1"]);
  });

  describe("ids", () => {
    const rules = [
      rule({ kind: "level_dropped" }),
      rule({ kind: "waiver_expiring", withinDays: 14 }),
      rule({ kind: "evidence_stale" }),
    ];
    const before = withWaivers([waiver(3 * day)]);
    const after = (stateId: string) =>
      snapshot({
        stateId,
        systems: [{ ...stale(fraud), levels: levels(3, { evaluation: 2 }), waivers: [] }, assistant()],
      });
    const decide = (stateId: string, now = at(4 * day)) =>
      decideAlerts({ rules, before, after: after(stateId), now });

    it("are the same when the same batch is decided again", () => {
      const first = decide("batch-7");
      expect(first.map((a) => a.kind)).toEqual(["level_dropped", "waiver_expiring", "evidence_stale"]);
      expect(decide("batch-7")).toEqual(first);
      // Even redelivered later: the ids hold (only decidedAt moves).
      expect(decide("batch-7", at(5 * day)).map((a) => a.id)).toEqual(first.map((a) => a.id));
      expect(new Set(first.map((a) => a.id)).size).toBe(first.length);
      for (const alert of first) expect(alert.id).toMatch(/^alert_[0-9a-f]{32}$/);
    });

    it("differ for the same change into another state, except a waiver's one-time expiry", () => {
      const [level, expiry, evidence] = decide("batch-7").map((a) => a.id);
      const [level2, expiry2, evidence2] = decide("batch-8").map((a) => a.id);
      expect(level2).not.toBe(level);
      expect(evidence2).not.toBe(evidence);
      expect(expiry2).toBe(expiry);
    });

    it("do not depend on the order snapshots list systems in", () => {
      const reversed = decideAlerts({
        rules: [rule({ kind: "level_dropped" })],
        before: snapshot({ systems: [assistant(), fraud()] }),
        after: snapshot({ systems: [assistant({ levels: levels(1) }), fraud({ levels: levels(2) })] }),
        now: at(hour),
      });
      const ordered = decideAlerts({
        rules: [rule({ kind: "level_dropped" })],
        before: snapshot({ systems: [fraud(), assistant()] }),
        after: snapshot({ systems: [fraud({ levels: levels(2) }), assistant({ levels: levels(1) })] }),
        now: at(hour),
      });
      expect(reversed).toEqual(ordered);
      expect(ordered[0]?.subject).toMatchObject({ systemId: "fraud-scorer" });
    });
  });

  it("keeps rules in file order and each rule's alerts together", () => {
    const alerts = decideAlerts({
      rules: [
        rule({ id: "second", kind: "evidence_stale" }),
        rule({ id: "first", kind: "level_dropped", destinations: ["slack", "ops"] }),
      ],
      before: snapshot(),
      after: snapshot({ systems: [{ ...stale(fraud), levels: levels(2) }, assistant()] }),
      now: at(hour),
    });
    expect(alerts.map((a) => a.ruleId)).toEqual(["second", ...Array(5).fill("first")]);
    expect(alerts[1]?.destinations).toEqual(["slack", "ops"]);
  });
});

describe("gapHistoryDays", () => {
  it("is the longest period of the gap rules", () => {
    expect(gapHistoryDays([rule({ kind: "level_dropped" })])).toBe(0);
    expect(
      gapHistoryDays([
        rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30 }),
        rule({ kind: "gap_widened", scope: "team", by: 0.5, periodDays: 90 }),
      ]),
    ).toBe(90);
  });
});
