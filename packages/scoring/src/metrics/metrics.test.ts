// Exact operational metrics over a hand-built month, with the traps their definitions hide
// (docs/score-report.md#metrics).
import type { MaturityEvent } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "../score-events.ts";
import { daysBefore, deploy, event, hoursAfter, register } from "../test/builders.ts";
import { systemOf } from "../test/criteria.ts";
import { median, percentile } from "./stats.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const s = "checkout";
const at = (days: number) => daysBefore(asOf, days);
const requested = (days: number, hoursEarlier: number) => hoursAfter(at(days), -hoursEarlier);

const llmCall = (time: string, feature: string | undefined, costUsd: number | undefined) =>
  event("llm.call.completed", s, time, {
    model: "m",
    inputTokens: 1,
    outputTokens: 1,
    latencyMs: 100,
    status: "ok",
    ...(feature !== undefined && { feature }),
    ...(costUsd !== undefined && { costUsd }),
  });

const events: MaturityEvent[] = [
  register(s, at(200)),
  // Five succeeded production deploys in the 30-day window.
  deploy(s, at(25), { deploymentId: "d1", changeRequestedAt: requested(25, 48) }),
  deploy(s, at(20), { deploymentId: "d2", changeRequestedAt: requested(20, 6) }),
  deploy(s, at(10), { deploymentId: "d3", changeRequestedAt: requested(10, 12) }),
  deploy(s, at(5), { deploymentId: "d4" }),
  deploy(s, at(2), { deploymentId: "d5", changeRequestedAt: requested(2, 30) }),
  // Must not count: staging, a failed production deploy, a deploy before the window.
  deploy(s, at(15), { deploymentId: "stage-1", environment: "staging", changeRequestedAt: requested(15, 1) }),
  deploy(s, at(12), { deploymentId: "failed-1", status: "failed", changeRequestedAt: requested(12, 1) }),
  deploy(s, at(40), { deploymentId: "old-1", changeRequestedAt: requested(40, 1) }),
  event("deploy.rolled_back", s, at(14), { deploymentId: "stage-1", automatic: true }),
  event("deploy.rolled_back", s, at(38), { deploymentId: "old-1", automatic: false }),
  // d2 rolled back within a day: a change failure.
  event("deploy.rolled_back", s, at(19), { deploymentId: "d2", automatic: false }),
  // An incident naming d3 nine days later is outside the 7-day horizon: not a change failure.
  event("incident.opened", s, at(1), {
    incidentId: "i-late",
    severity: 3,
    kind: "quality_regression",
    deploymentId: "d3",
  }),
  event("incident.resolved", s, hoursAfter(at(1), 1), { incidentId: "i-late" }),
  // d4 causes an incident a day later, resolved in 2 hours.
  event("incident.opened", s, at(4), { incidentId: "i-d4", severity: 2, kind: "outage", deploymentId: "d4" }),
  event("incident.resolved", s, hoursAfter(at(4), 2), { incidentId: "i-d4" }),
  // An unrelated incident resolved in 5 hours.
  event("incident.opened", s, at(8), { incidentId: "i-other", severity: 3, kind: "cost" }),
  event("incident.resolved", s, hoursAfter(at(8), 5), { incidentId: "i-other" }),
  // Still open at asOf (resolved only afterwards, or never): excluded from recovery time.
  event("incident.opened", s, at(3), { incidentId: "i-open", severity: 3, kind: "outage" }),
  event("incident.opened", s, at(0.5), { incidentId: "i-late-fix", severity: 4, kind: "outage" }),
  event("incident.resolved", s, hoursAfter(asOf, 1), { incidentId: "i-late-fix" }),
  // Audits: 36 hours and 12 hours.
  event("gov.audit.requested", s, at(20), { auditId: "a1", requestedBy: "regulator" }),
  event("gov.audit.delivered", s, hoursAfter(at(20), 36), { auditId: "a1" }),
  event("gov.audit.requested", s, at(10), { auditId: "a2", requestedBy: "internal" }),
  event("gov.audit.delivered", s, hoursAfter(at(10), 12), { auditId: "a2" }),
  // Spend: search 0.30 over three calls, 0.20 with no feature, one call without cost, one too old.
  llmCall(at(5.5), "search", 0.1),
  llmCall(at(5.4), "search", 0.1),
  llmCall(at(3.5), "search", 0.1),
  llmCall(at(3.4), undefined, 0.2),
  llmCall(at(3.3), "search", undefined),
  llmCall(at(45), "search", 5),
];

describe("operational metrics", () => {
  const report = scoreEvents(events, { asOf });
  const m = systemOf(report, s).metrics;

  it("counts only succeeded production deploys in the window", () => {
    expect(m.deploymentsPerWeek).toBeCloseTo(5 / (30 / 7), 10);
  });

  it("measures lead time from changeRequestedAt, p50 and nearest-rank p90", () => {
    const hours = [48, 6, 12, 30];
    expect(m.leadTimeHours.p50).toBeCloseTo((12 + 30) / 2, 10);
    expect(m.leadTimeHours.p90).toBe(48);
    expect(median(hours)).toBe(21);
    expect(percentile(hours, 0.9)).toBe(48);
  });

  it("counts rollbacks and incidents naming a deploy within 7 days as change failures", () => {
    expect(m.changeFailureRate).toBeCloseTo(2 / 5, 10);
    expect(m.bands.changeFailureRate).toMatchObject({ level: 2 });
  });

  it("measures recovery over resolved incidents only", () => {
    // i-late (1 h), i-d4 (2 h), i-other (5 h); i-open and i-late-fix are open at asOf.
    expect(m.timeToRecoveryHours.p50).toBe(2);
  });

  it("counts a reopened incident again, from the reopening to the next resolution", () => {
    const reopened = [
      register(s, at(10)),
      event("incident.opened", s, at(6), { incidentId: "i-twice", severity: 2, kind: "outage" }),
      event("incident.resolved", s, hoursAfter(at(6), 1), { incidentId: "i-twice" }),
      // Reopened a day later (same incident id), resolved again after 3 hours.
      event("incident.opened", s, at(5), { incidentId: "i-twice", severity: 2, kind: "outage" }),
      event("incident.resolved", s, hoursAfter(at(5), 3), { incidentId: "i-twice" }),
    ];
    const recovery = systemOf(scoreEvents(reopened, { asOf }), s).metrics.timeToRecoveryHours;
    // Openings of 1 h and 3 h: the median of the two, not the first resolution twice.
    expect(recovery.p50).toBe(2);
  });

  it("measures audit response as the median of 36 and 12 hours", () => {
    expect(m.auditResponseHours.p50).toBe(24);
    expect(m.bands.auditResponse).toMatchObject({ level: 5 });
  });

  it("attributes cost per feature and reports the unattributed share", () => {
    expect(m.costUsdByFeature).toEqual({ search: expect.closeTo(0.3, 10) });
    expect(m.unattributedCostShare).toBeCloseTo(0.2 / 0.5, 10);
  });

  it("uses null, never 0, for what cannot be known", () => {
    const empty = systemOf(scoreEvents([register("quiet", at(10))], { asOf }), "quiet").metrics;
    expect(empty).toMatchObject({
      deploymentsPerWeek: null,
      leadTimeHours: { p50: null, p90: null },
      changeFailureRate: null,
      timeToRecoveryHours: { p50: null },
      costUsdByFeature: {},
      unattributedCostShare: null,
      auditResponseHours: { p50: null },
    });
  });
});
