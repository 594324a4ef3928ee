// The two decisions the worker makes where a change commits: a system's rules from its report
// before and after a re-score, the organisation's from the rollup against the state it saved last
// time (and the state to save next). Inputs are built by hand, as the worker would hand them over.
import type {
  Axis,
  CriterionResult,
  Risk,
  RiskKind,
  ScoreReport,
  SystemReport,
  TrackGap,
  Waiver,
} from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import type { Alert } from "./alert.ts";
import type { AlertRuleInput } from "./alerts-schema.ts";
import {
  alertKindScopes,
  decideOrgAlerts,
  decideSystemAlerts,
  type OrgAlertState,
} from "./decide-committed.ts";
import { snapshotFromReport } from "./snapshot-from-report.ts";
import { result, scoreReport, system } from "./test/reports.ts";
import { day, gap, hour, iso, rollup, rule, t0 } from "./test/snapshots.ts";

const minute = 60 * 1000;

// ---- Reports, as the scorer writes them ----

const gone: Partial<CriterionResult> = {
  degree: 0,
  met: false,
  status: "no_data",
  evidence: [],
  evidenceCount: 0,
};

const suiteInCi = "evaluation.l3.suite-in-ci"; // activity evidence
const regressionGated = "evaluation.l3.regression-suite-gated"; // activity evidence
const namedOwner = "governance.l2.named-owner"; // state evidence

const healthy = system({
  criteria: [
    result(suiteInCi, { evidence: ["evt-ci-2", "evt-ci-1"], evidenceCount: 2 }),
    result(regressionGated),
    result(namedOwner, { evidence: ["evt-owner"] }),
  ],
});

const waiver = (expiresAt: string): Waiver => ({
  criterionId: namedOwner,
  reason: "The owner is leaving; a new one is being hired",
  approver: "ciso@acme.example",
  grantedAt: t0,
  expiresAt,
  eventId: "evt-waiver",
});

type RuleOf<K extends AlertRuleInput["kind"]> = Extract<AlertRuleInput, { kind: K }>;

const systemRules: {
  dropped: RuleOf<"level_dropped">;
  stale: RuleOf<"evidence_stale">;
  waivers: RuleOf<"waiver_expiring">;
} = {
  dropped: { kind: "level_dropped", id: "drops", destinations: ["ops"] },
  stale: { kind: "evidence_stale", id: "stale", destinations: ["ops"] },
  waivers: { kind: "waiver_expiring", id: "waivers", withinDays: 14, destinations: ["ops"] },
};

/** One system's committed re-score, an hour after the report before it. */
function decideSystem(
  before: SystemReport | undefined,
  after: SystemReport,
  options: { rules?: AlertRuleInput[]; stateId?: string; beforeAsOf?: string; now?: string } = {},
): Alert[] {
  return decideSystemAlerts({
    rules: (options.rules ?? [systemRules.dropped, systemRules.stale, systemRules.waivers]).map((r) =>
      rule(r),
    ),
    rubric,
    before: before === undefined ? undefined : { report: before, asOf: options.beforeAsOf ?? t0 },
    after,
    stateId: options.stateId ?? "evt-batch-2@2026-03-01T01:00:00.000Z",
    now: new Date(options.now ?? iso(hour)),
  });
}

describe("alertKindScopes", () => {
  it("puts the rules about one system on its re-score and the rankings, gaps and campaigns on the rollup", () => {
    expect(alertKindScopes).toEqual({
      level_dropped: "system",
      evidence_stale: "system",
      waiver_expiring: "system",
      risk_entered_top: "organisation",
      gap_widened: "organisation",
      campaign_off_track: "organisation",
    });
  });
});

describe("decideSystemAlerts", () => {
  const dropped = system({
    levels: { evaluation: 2 },
    criteria: [
      result(suiteInCi, {
        degree: 0.4,
        met: false,
        status: "unmet",
        evidence: ["evt-ci-3", "evt-ci-2"],
        evidenceCount: 5,
      }),
      result(regressionGated),
      result(namedOwner, { evidence: ["evt-owner"] }),
    ],
  });

  it("decides nothing on a system's first report: there is no level to drop from", () => {
    expect(decideSystem(undefined, dropped)).toEqual([]);
  });

  it("raises one level_dropped for a drop, naming the criteria that stopped counting and their evidence", () => {
    const alerts = decideSystem(healthy, dropped);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toEqual({
      id: expect.stringMatching(/^alert_[0-9a-f]{32}$/),
      ruleId: "drops",
      kind: "level_dropped",
      destinations: ["ops"],
      subject: {
        type: "system",
        systemId: "fraud-scorer",
        name: "Fraud scorer",
        team: "payments",
        kind: "classical",
        riskTier: "high",
      },
      change: {
        axis: "evaluation",
        before: 3,
        after: 2,
        // regression-suite-gated still counts: only the criterion that stopped counting is named.
        criteria: [{ id: suiteInCi, before: "met", after: "unmet" }],
      },
      // The evidence it is judged on now, then what it was judged on before, each id once.
      evidence: ["evt-ci-3", "evt-ci-2", "evt-ci-1"],
      summary:
        "Fraud scorer (team payments) dropped from level 3 to level 2 on evaluation. No longer counting: evaluation.l3.suite-in-ci (now unmet).",
      decidedAt: "2026-03-01T01:00:00.000Z",
    });
  });

  it("decides nothing when the report after is the report before: a drop and recovery inside one change", () => {
    // The batch dropped the level and brought it back before it committed: the two reports the
    // worker compares are the same, whatever happened in between.
    expect(decideSystem(healthy, structuredClone(healthy))).toEqual([]);
  });

  it("decides nothing for a system retired before or by the change", () => {
    expect(decideSystem(healthy, { ...dropped, retired: true })).toEqual([]);
    expect(decideSystem({ ...healthy, retired: true }, dropped)).toEqual([]);
  });

  it("ignores the organisation's rules: those are decided on the rollup", () => {
    const orgRules: AlertRuleInput[] = [
      { kind: "risk_entered_top", id: "top", scope: "org", top: 5, destinations: ["ops"] },
      { kind: "gap_widened", id: "gap", scope: "org", by: 0.5, periodDays: 30, destinations: ["ops"] },
    ];
    expect(decideSystem(healthy, dropped, { rules: orgRules })).toEqual([]);
    expect(
      decideSystem(healthy, dropped, { rules: [...orgRules, systemRules.dropped] }).map((a) => a.ruleId),
    ).toEqual(["drops"]);
  });

  it("derives alert ids from the committed state: the same inputs the same ids, another state new ones", () => {
    const first = decideSystem(healthy, dropped, { stateId: "evt-7@2026-03-01T01:00:00.000Z" });
    const again = decideSystem(healthy, dropped, { stateId: "evt-7@2026-03-01T01:00:00.000Z" });
    const later = decideSystem(healthy, dropped, { stateId: "evt-9@2026-03-01T01:00:00.000Z" });
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(later.map((a) => a.id)).not.toEqual(first.map((a) => a.id));
    expect({ ...later[0], id: "" }).toEqual({ ...first[0], id: "" });
  });

  describe("evidence_stale", () => {
    const ownerGone = system({
      criteria: [
        result(suiteInCi, { evidence: ["evt-ci-2", "evt-ci-1"], evidenceCount: 2 }),
        result(regressionGated),
        result(namedOwner, gone),
      ],
    });

    it("fires when a criterion of a high-risk system had evidence and has none", () => {
      const alerts = decideSystem(healthy, ownerGone);
      expect(alerts.map((a) => [a.ruleId, a.kind, a.change, a.evidence, a.summary])).toEqual([
        [
          "stale",
          "evidence_stale",
          {
            criterionId: namedOwner,
            axis: "governance",
            evidenceKind: "state",
            before: { status: "met", evidenceCount: 1 },
            after: { status: "no_data", evidenceCount: 0 },
          },
          // The events that no longer count.
          ["evt-owner"],
          "Fraud scorer (team payments), high risk, has no state evidence left for governance.l2.named-owner (it had 1 event); it is now no data.",
        ],
      ]);
    });

    it("watches high-risk systems unless the rule says otherwise, and only the evidence kinds it names", () => {
      const limited = (report: SystemReport) => ({ ...report, riskTier: "limited" as const });
      expect(decideSystem(limited(healthy), limited(ownerGone))).toEqual([]);
      expect(
        decideSystem(limited(healthy), limited(ownerGone), {
          rules: [{ ...systemRules.stale, riskTiers: ["limited"] }],
        }),
      ).toHaveLength(1);
      expect(
        decideSystem(healthy, ownerGone, { rules: [{ ...systemRules.stale, evidence: ["activity"] }] }),
      ).toEqual([]);
    });

    it("does not fire while some evidence is left, however little", () => {
      const thinner = system({
        criteria: [
          result(suiteInCi, { evidence: ["evt-ci-2"], evidenceCount: 1 }),
          result(regressionGated),
          result(namedOwner, { evidence: ["evt-owner"] }),
        ],
      });
      expect(decideSystem(healthy, thinner)).toEqual([]);
    });
  });

  describe("waiver_expiring (withinDays 14, expiring 2026-03-20)", () => {
    const expiresAt = "2026-03-20T00:00:00.000Z";
    const waived = system({
      criteria: [
        result(suiteInCi, { evidence: ["evt-ci-2", "evt-ci-1"], evidenceCount: 2 }),
        result(regressionGated),
        result(namedOwner, { ...gone, status: "waived" }),
      ],
      waivers: [waiver(expiresAt)],
    });
    const rules = [systemRules.waivers];

    it("fires once when a re-score crosses the warning (14 days before the expiry)", () => {
      const alerts = decideSystem(waived, waived, {
        rules,
        beforeAsOf: "2026-03-05T12:00:00.000Z",
        now: "2026-03-06T12:00:00.000Z",
      });
      expect(alerts.map((a) => [a.kind, a.change, a.evidence, a.summary])).toEqual([
        [
          "waiver_expiring",
          {
            waiverId: "evt-waiver",
            criterionId: namedOwner,
            approver: "ciso@acme.example",
            expiresAt,
            withinDays: 14,
            before: "in_force",
            after: "expiring",
            daysLeft: 14,
          },
          ["evt-waiver"],
          "The waiver on governance.l2.named-owner for Fraud scorer (team payments) expires in 14 days, on 2026-03-20 (approved by ciso@acme.example).",
        ],
      ]);
      // The next re-score is past the warning on both sides: nothing more.
      expect(
        decideSystem(waived, waived, {
          rules,
          beforeAsOf: "2026-03-06T12:00:00.000Z",
          now: "2026-03-06T12:15:00.000Z",
        }),
      ).toEqual([]);
    });

    it("decides nothing before the warning", () => {
      expect(
        decideSystem(waived, waived, {
          rules,
          beforeAsOf: "2026-03-04T00:00:00.000Z",
          now: "2026-03-05T23:59:00.000Z",
        }),
      ).toEqual([]);
    });

    it("keeps one id for the crossing whatever state saw it: each waiver passes each point once", () => {
      const crossing = (stateId: string) =>
        decideSystem(waived, waived, {
          rules,
          stateId,
          beforeAsOf: "2026-03-05T12:00:00.000Z",
          now: "2026-03-06T12:00:00.000Z",
        }).map((a) => a.id);
      expect(crossing("window@2026-03-06T12:00:00.000Z")).toEqual(crossing("evt-3@2026-03-06T12:00:00.000Z"));
    });

    it("says when it has expired: the waiver is gone from the report after", () => {
      const expired = system({ criteria: waived.axes.evaluation.criteria, levels: { governance: 1 } });
      const alerts = decideSystem(waived, expired, {
        rules,
        beforeAsOf: "2026-03-19T23:00:00.000Z",
        now: "2026-03-20T00:15:00.000Z",
      });
      const changes = alerts.map((a) => (a.kind === "waiver_expiring" ? a.change : undefined));
      expect(changes.map((c, i) => [c?.before, c?.after, alerts[i]!.summary])).toEqual([
        [
          "expiring",
          "expired",
          "The waiver on governance.l2.named-owner for Fraud scorer (team payments) expired on 2026-03-20: the criterion is judged on its evidence again.",
        ],
      ]);
    });
  });
});

// ---- The organisation's rollup ----

const fraudSystem = system();
const churnSystem = system({ systemId: "churn-model", name: "Churn model", riskTier: "limited" });
const assistantSystem = system({
  systemId: "support-assistant",
  name: "Support assistant",
  team: "support",
  kind: "llm",
  riskTier: "limited",
});

function risk(kind: RiskKind, owner: { systemId?: string; team: string }, rank: number, axis: Axis): Risk {
  return {
    kind,
    ...(owner.systemId !== undefined && { systemId: owner.systemId }),
    team: owner.team,
    rank,
    // An axis mismatch names the leading axis first and the lagging one (its identity) second.
    axes: kind === "axis_mismatch" ? ["deployment", axis] : [axis],
    summary: `${kind} of ${owner.systemId ?? owner.team} on ${axis}`,
    nextUpgrade: "Do the next thing",
    evidence: [`evt-${owner.systemId ?? owner.team}-${axis}`],
  };
}

const fraudRisk = (rank: number) =>
  risk("axis_mismatch", { systemId: "fraud-scorer", team: "payments" }, rank, "evaluation");
const churnRisk = (rank: number) =>
  risk("stale_evidence", { systemId: "churn-model", team: "payments" }, rank, "observability");
const assistantRisk = (rank: number) =>
  risk("metric_breach", { systemId: "support-assistant", team: "support" }, rank, "deployment");
const supportGapRisk = (rank: number) => risk("track_gap", { team: "support" }, rank, "evaluation");

const gapOf = (evaluation: number | null): TrackGap => gap(null, { evaluation });

interface RollupParts {
  risks?: Risk[];
  /** The organisation's classical − LLM/agent gap on evaluation. */
  orgGap?: number | null;
  /** Each team's gap on evaluation. */
  teamGaps?: Record<string, number | null>;
  systems?: SystemReport[];
}

/** The rollup at `asOf` (ms after t0): risks highest rank first, as the report lists them. */
function rollupAt(ms: number, parts: RollupParts = {}): ScoreReport {
  return scoreReport({
    asOf: iso(ms),
    systems: parts.systems ?? [fraudSystem, churnSystem, assistantSystem],
    risks: [...(parts.risks ?? [])].sort((a, b) => b.rank - a.rank),
    orgGap: gapOf(parts.orgGap ?? null),
    teamGaps: Object.fromEntries(
      Object.entries(parts.teamGaps ?? {}).map(([team, evaluation]) => [team, gapOf(evaluation)]),
    ),
  });
}

type OrgRule = AlertRuleInput;

/** Decides each rollup in turn against the state the one before left; the alerts of each and the last state. */
function decideInTurn(rules: readonly OrgRule[], rollups: readonly ScoreReport[]) {
  let state: OrgAlertState | null = null;
  const decided: Alert[][] = [];
  for (const after of rollups) {
    const next = decideOrgAlerts({ rules: rules.map((r) => rule(r)), rubric, before: state, after });
    decided.push(next.alerts);
    state = next.state;
  }
  return { decided, state: state as OrgAlertState };
}

const orgTop2: OrgRule = {
  kind: "risk_entered_top",
  id: "org-top-2",
  scope: "org",
  top: 2,
  destinations: ["ops"],
};
const teamTop1: OrgRule = {
  kind: "risk_entered_top",
  id: "team-top-1",
  scope: "team",
  top: 1,
  destinations: ["ops"],
};
const gapRule = (periodDays: number): OrgRule => ({
  kind: "gap_widened",
  id: "gap",
  scope: "org",
  by: 0.75,
  periodDays,
  axes: ["evaluation"],
  destinations: ["ops"],
});

describe("decideOrgAlerts", () => {
  it("decides nothing the first time, and returns the state to compare the next rollup with", () => {
    const { alerts, state } = decideOrgAlerts({
      rules: [rule(orgTop2), rule(gapRule(30))],
      rubric,
      before: null,
      after: rollupAt(0, {
        risks: [fraudRisk(9), churnRisk(8), assistantRisk(5)],
        orgGap: 0.25,
        teamGaps: { payments: null, support: 0.5 },
      }),
    });
    expect(alerts).toEqual([]);
    expect(state).toEqual({
      asOf: t0,
      keptTop: { org: 2, team: 0 },
      // The org's top 2, in rank order: all the next decision ranks.
      risks: [
        {
          id: "axis_mismatch:fraud-scorer:evaluation",
          kind: "axis_mismatch",
          systemId: "fraud-scorer",
          team: "payments",
          title: "axis_mismatch of fraud-scorer on evaluation",
          rank: 9,
          evidence: ["evt-fraud-scorer-evaluation"],
        },
        {
          id: "stale_evidence:churn-model:observability",
          kind: "stale_evidence",
          systemId: "churn-model",
          team: "payments",
          title: "stale_evidence of churn-model on observability",
          rank: 8,
          evidence: ["evt-churn-model-observability"],
        },
      ],
      rollups: {
        org: rollup(gapOf(0.25)),
        teams: { payments: rollup(gapOf(null)), support: rollup(gapOf(0.5)) },
      },
    });
    // Nothing about systems is kept: their rules are decided from their own reports.
    expect(Object.keys(state)).toEqual(["asOf", "risks", "keptTop", "rollups"]);
  });

  describe("risk_entered_top", () => {
    const first = rollupAt(0, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(5)] });

    it("a new or deeper top N waits one rollup instead of announcing its whole top", () => {
      const { state } = decideInTurn([orgTop2], [first]);
      const orgTop3 = { ...orgTop2, id: "org-top-3", top: 3 };
      const deeper = decideOrgAlerts({
        rules: [rule(orgTop3)],
        rubric,
        before: state,
        after: rollupAt(hour, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(5)] }),
      });
      expect(deeper.alerts).toEqual([]);
      expect(deeper.state.keptTop).toEqual({ org: 3, team: 0 });
      // From then on it compares like any rule: nothing new in the top 3, nothing said.
      const next = decideOrgAlerts({
        rules: [rule(orgTop3)],
        rubric,
        before: deeper.state,
        after: rollupAt(2 * hour, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(5)] }),
      });
      expect(next.alerts).toEqual([]);
    });

    it("fires when a risk enters the organisation's top N", () => {
      const { decided } = decideInTurn(
        [orgTop2],
        [first, rollupAt(hour, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(12)] })],
      );
      expect(decided[1]).toEqual([
        {
          id: expect.stringMatching(/^alert_[0-9a-f]{32}$/),
          ruleId: "org-top-2",
          kind: "risk_entered_top",
          destinations: ["ops"],
          subject: {
            type: "system",
            systemId: "support-assistant",
            name: "Support assistant",
            team: "support",
            kind: "llm",
            riskTier: "limited",
          },
          change: {
            scope: "org",
            top: 2,
            risk: {
              id: "metric_breach:support-assistant:deployment",
              kind: "metric_breach",
              systemId: "support-assistant",
              team: "support",
              title: "metric_breach of support-assistant on deployment",
              rank: 12,
            },
            before: null,
            after: 1,
          },
          evidence: ["evt-support-assistant-deployment"],
          summary:
            "A metric breach risk of Support assistant (team support) entered the organisation's top 2 at #1: metric_breach of support-assistant on deployment",
          decidedAt: iso(hour),
        },
      ]);
    });

    it("does not fire for a risk already in the top N, however it moves inside it or its numbers change", () => {
      const { decided } = decideInTurn(
        [orgTop2],
        [first, rollupAt(hour, { risks: [fraudRisk(7.5), churnRisk(8.2), assistantRisk(5)] })],
      );
      expect(decided[1]).toEqual([]);
    });

    it("fires for a risk that left the top N and came back", () => {
      const { decided } = decideInTurn(
        [orgTop2],
        [
          first,
          rollupAt(hour, { risks: [fraudRisk(9), churnRisk(4), assistantRisk(5)] }),
          rollupAt(2 * hour, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(5)] }),
        ],
      );
      expect(
        decided.map((alerts) => alerts.map((a) => a.kind === "risk_entered_top" && a.change.risk.id)),
      ).toEqual([
        [],
        ["metric_breach:support-assistant:deployment"],
        ["stale_evidence:churn-model:observability"],
      ]);
    });

    it("ranks each team on its own with scope team, team-level risks included", () => {
      const { decided } = decideInTurn(
        [teamTop1],
        [
          rollupAt(0, { risks: [fraudRisk(9), churnRisk(8), assistantRisk(5), supportGapRisk(3)] }),
          // payments: churn overtakes fraud; support: the team's track gap overtakes the assistant.
          rollupAt(hour, { risks: [fraudRisk(9), churnRisk(10), assistantRisk(5), supportGapRisk(6)] }),
        ],
      );
      expect(decided[1]?.map((a) => [a.subject, a.change, a.summary])).toEqual([
        [
          {
            type: "system",
            systemId: "churn-model",
            name: "Churn model",
            team: "payments",
            kind: "classical",
            riskTier: "limited",
          },
          {
            scope: "team",
            team: "payments",
            top: 1,
            risk: {
              id: "stale_evidence:churn-model:observability",
              kind: "stale_evidence",
              systemId: "churn-model",
              team: "payments",
              title: "stale_evidence of churn-model on observability",
              rank: 10,
            },
            before: null,
            after: 1,
          },
          "A stale evidence risk of Churn model (team payments) entered team payments's top 1 at #1: stale_evidence of churn-model on observability",
        ],
        [
          { type: "team", team: "support" },
          {
            scope: "team",
            team: "support",
            top: 1,
            risk: {
              id: "track_gap:team:support:",
              kind: "track_gap",
              team: "support",
              title: "track_gap of support on evaluation",
              rank: 6,
            },
            before: null,
            after: 1,
          },
          "A track gap risk of team support entered team support's top 1 at #1: track_gap of support on evaluation",
        ],
      ]);
    });

    it("keeps only the risks the rules rank: the org's largest top N and each team's", () => {
      const risks = [fraudRisk(9), churnRisk(8), assistantRisk(5), supportGapRisk(3)];
      const kept = (rules: OrgRule[]) =>
        decideInTurn(rules, [rollupAt(0, { risks })]).state.risks.map((r) => r.id);
      expect(kept([orgTop2, teamTop1])).toEqual([
        "axis_mismatch:fraud-scorer:evaluation",
        "stale_evidence:churn-model:observability",
        "metric_breach:support-assistant:deployment",
      ]);
      expect(
        kept([
          { ...orgTop2, top: 1 },
          { ...orgTop2, id: "org-top-3", top: 3 },
        ]),
      ).toEqual([
        "axis_mismatch:fraud-scorer:evaluation",
        "stale_evidence:churn-model:observability",
        "metric_breach:support-assistant:deployment",
      ]);
      expect(kept([{ ...teamTop1, top: 2 }])).toEqual([
        "axis_mismatch:fraud-scorer:evaluation",
        "stale_evidence:churn-model:observability",
        "metric_breach:support-assistant:deployment",
        "track_gap:team:support:",
      ]);
      expect(kept([gapRule(30)])).toEqual([]);
    });
  });

  describe("trimming the risks kept never changes a decision", () => {
    // A deterministic generator (mulberry32): the same rankings on every run.
    function generator(seed: number) {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    const teams = ["payments", "support", "search"];
    const kinds: RiskKind[] = ["axis_mismatch", "stale_evidence", "metric_breach", "ahead_of_foundation"];
    const population = Array.from({ length: 12 }, (_, i) =>
      system({
        systemId: `system-${String(i).padStart(2, "0")}`,
        name: `System ${i}`,
        team: teams[i % teams.length] as string,
        kind: i % 3 === 0 ? "llm" : "classical",
        riskTier: i % 4 === 0 ? "high" : "limited",
      }),
    );
    // Every possible risk; each rollup ranks a random subset of them with random ranks.
    const candidates = population.flatMap((s, i) => [
      risk(kinds[i % kinds.length] as RiskKind, s, 0, "evaluation"),
      risk(kinds[(i + 1) % kinds.length] as RiskKind, s, 0, "governance"),
    ]);
    const ranking = (random: () => number): Risk[] =>
      candidates.filter(() => random() < 0.7).map((r) => ({ ...r, rank: Math.round(random() * 1000) / 100 }));

    const rules: OrgRule[] = [
      { ...orgTop2, top: 3 },
      { ...orgTop2, id: "org-top-1", top: 1, riskKinds: ["stale_evidence", "metric_breach"] },
      { ...teamTop1, top: 2 },
      { ...teamTop1, id: "team-top-1-high", riskTiers: ["high"] },
      { ...teamTop1, id: "search-top-1", teams: ["search"] },
    ];

    it.each([1, 2, 3, 4, 5, 6, 7, 8])("over random rankings (seed %i)", (seed) => {
      const random = generator(seed);
      const parsed = rules.map((r) => rule(r));
      let trimmed: OrgAlertState | null = null;
      let untrimmed: OrgAlertState | null = null;
      let alertsSeen = 0;
      let risksLeftOut = 0;
      for (let step = 0; step < 10; step++) {
        const after = rollupAt(step * hour, { risks: ranking(random), systems: population });
        const fromTrimmed = decideOrgAlerts({ rules: parsed, rubric, before: trimmed, after });
        const fromAll = decideOrgAlerts({ rules: parsed, rubric, before: untrimmed, after });
        expect(fromTrimmed.alerts).toEqual(fromAll.alerts);
        alertsSeen += fromTrimmed.alerts.length;
        // What the untrimmed side compares with next: every risk of this rollup.
        const every = snapshotFromReport(after, { stateId: "", rubric }).risks;
        risksLeftOut += every.length - fromTrimmed.state.risks.length;
        trimmed = fromTrimmed.state;
        untrimmed = { ...fromAll.state, risks: every };
      }
      // The rankings move enough, and enough is trimmed, for the comparison to mean something.
      expect(alertsSeen).toBeGreaterThan(0);
      expect(risksLeftOut).toBeGreaterThan(0);
    });
  });

  describe("gap_widened and the gap history", () => {
    // The organisation's gap on evaluation at each rollup, a day apart.
    const daily = (gaps: number[], periodDays = 30) =>
      decideInTurn(
        [gapRule(periodDays)],
        gaps.map((gap, i) => rollupAt(i * day, { orgGap: gap })),
      );

    it("fires when the gap is at least `by` wider than at the start of the period, once", () => {
      const { decided } = daily([0.25, 0.5, 1, 1.25]);
      expect(decided.map((alerts) => alerts.length)).toEqual([0, 0, 1, 0]);
      expect(decided[2]?.[0]).toEqual({
        id: expect.stringMatching(/^alert_[0-9a-f]{32}$/),
        ruleId: "gap",
        kind: "gap_widened",
        destinations: ["ops"],
        subject: { type: "org" },
        change: {
          scope: "org",
          axis: "evaluation",
          periodDays: 30,
          by: 0.75,
          // The period is longer than the history: the oldest gap known is the baseline.
          baseline: { at: t0, gap: 0.25 },
          before: 0.5,
          after: 1,
          widenedBy: 0.75,
        },
        evidence: [],
        summary:
          "Organisation: on evaluation, LLM/agent systems trail classical ones by 1.00, 0.75 wider than on 2026-03-01 (0.25 → 1.00).",
        decidedAt: iso(2 * day),
      });
    });

    it("does not fire below the threshold, nor for a gap that narrows", () => {
      expect(daily([0.25, 0.5, 0.75, 0.5, 0.25]).decided.flat()).toEqual([]);
    });

    it("measures from the start of the period: a slow widening over a longer time does not fire", () => {
      // +0.25 a day, by 0.75 over 2 days: never 0.75 within any 2-day period.
      expect(daily([0, 0.25, 0.5, 0.5, 0.75, 1, 1], 2).decided.flat()).toEqual([]);
      // The same within the 30-day period: fires when the total reaches 0.75.
      expect(daily([0, 0.25, 0.5, 0.5, 0.75, 1, 1], 30).decided.map((a) => a.length)).toEqual([
        0, 0, 0, 0, 1, 0, 0,
      ]);
    });

    it("keeps at most one point an hour in the history", () => {
      // A rollup every 10 minutes for 3 hours.
      const { state } = decideInTurn(
        [gapRule(30)],
        Array.from({ length: 19 }, (_, i) => rollupAt(i * 10 * minute, { orgGap: 0.25 })),
      );
      expect(state.asOf).toBe(iso(180 * minute));
      expect(state.rollups.org.history).toEqual([
        { at: iso(0), trackGap: gapOf(0.25) },
        { at: iso(60 * minute), trackGap: gapOf(0.25) },
        { at: iso(120 * minute), trackGap: gapOf(0.25) },
      ]);
      // Teams keep their own history the same way.
      expect(state.rollups.teams["support"]?.history.map((p) => p.at)).toEqual([
        iso(0),
        iso(60 * minute),
        iso(120 * minute),
      ]);
    });

    it("prunes points older than the longest period, but keeps the one the period starts from", () => {
      // A rollup every 5 hours for 50 hours, a 1-day rule: the period starts at 26 h.
      const { state } = decideInTurn(
        [gapRule(1)],
        Array.from({ length: 11 }, (_, i) => rollupAt(i * 5 * hour, { orgGap: 0.25 })),
      );
      expect(state.rollups.org.history.map((p) => p.at)).toEqual(
        [25, 30, 35, 40, 45].map((h) => iso(h * hour)),
      );
    });

    it("decides from the baseline it kept", () => {
      const rollups = [
        ...Array.from({ length: 11 }, (_, i) => rollupAt(i * 5 * hour, { orgGap: i < 6 ? 0.25 : 0.5 })),
        rollupAt(55 * hour, { orgGap: 1.25 }),
      ];
      const { decided } = decideInTurn([gapRule(1)], rollups);
      expect(decided.map((alerts) => alerts.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
      // At 55 h the period starts at 31 h: the latest gap at or before it is the one of 30 h, not
      // the older 0.25s (measured from those, the gap would have widened by 1).
      const [alert] = decided[11] ?? [];
      expect(alert?.kind === "gap_widened" && alert.change).toMatchObject({
        baseline: { at: iso(30 * hour), gap: 0.5 },
        before: 0.5,
        after: 1.25,
        widenedBy: 0.75,
      });
    });

    it("keeps the last point when every point is older than the period", () => {
      const { state } = decideInTurn(
        [gapRule(1)],
        [0, hour, 2 * hour, 5 * day].map((ms) => rollupAt(ms, { orgGap: 0.25 })),
      );
      expect(state.rollups.org.history).toEqual([{ at: iso(2 * hour), trackGap: gapOf(0.25) }]);
    });

    it("keeps no history when no rule needs one", () => {
      const { state } = decideInTurn(
        [orgTop2],
        Array.from({ length: 5 }, (_, i) => rollupAt(i * 2 * hour, { orgGap: 0.25 })),
      );
      expect(state.rollups.org.history).toEqual([]);
    });
  });
});
