// Scenarios of waivers (gov.waiver.granted / revoked): a waived criterion counts as met while the
// waiver is in force, under the rubric's waiver rules.
import { scoreReportSchema, type MaturityEvent } from "@maturity/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreEvents } from "./score-events.ts";
import { daysBefore, event, grantWaiver, levelTwoSystem, register, revokeWaiver } from "./test/builders.ts";
import { criterionOf, systemOf } from "./test/criteria.ts";
import { rubricWith } from "./test/rubrics.ts";
import type { ScoreOptions } from "./options.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const daysAfter = (time: string, days: number) => daysBefore(time, -days);
const namedOwner = "governance.l2.named-owner";

// A system at level 2 everywhere but governance: it has no named owner.
const ownerless = levelTwoSystem("churn", asOf).filter((e) => e.type !== "gov.owner.assigned");
const grantedAt = daysBefore(asOf, 10);
const grant = grantWaiver("churn", grantedAt, namedOwner, daysAfter(asOf, 20), "w-1");

const churn = (events: MaturityEvent[], options: Partial<ScoreOptions> = {}) =>
  systemOf(scoreEvents(events, { asOf, ...options }), "churn");

describe("a waiver for a missing level-2 practice", () => {
  const report = scoreEvents([...ownerless, grant], { asOf });
  const waived = systemOf(report, "churn");
  const unwaived = churn(ownerless);
  const withOwner = churn(levelTwoSystem("churn", asOf));

  it("reports the criterion waived, met, cited by the grant", () => {
    expect(criterionOf(unwaived, namedOwner).status).toBe("no_data");
    expect(criterionOf(waived, namedOwner)).toMatchObject({
      status: "waived",
      met: true,
      degree: 1,
      evidence: ["w-1"],
      evidenceCount: 1,
    });
    expect(scoreReportSchema.safeParse(report).success).toBe(true);
  });

  it("counts it as met for the level and the score, as the practice itself would", () => {
    expect(unwaived.axes.governance.level).toBe(1);
    expect(waived.axes.governance.level).toBe(2);
    expect(waived.axes.governance.score).toBe(withOwner.axes.governance.score);
  });

  it("lists the waiver in force, with its grant and expiry", () => {
    expect(waived.waivers).toEqual([
      {
        criterionId: namedOwner,
        reason: grant.data.reason,
        approver: grant.data.approver,
        grantedAt,
        expiresAt: grant.data.expiresAt,
        eventId: "w-1",
      },
    ]);
    expect(unwaived).not.toHaveProperty("waivers");
  });

  it("raises no risk for the waived criterion as an unmet one", () => {
    const lagsOnGovernance = (risks: typeof waived.risks) =>
      risks.filter((r) => r.kind === "axis_mismatch" && r.axes?.[1] === "governance");
    expect(lagsOnGovernance(unwaived.risks)).not.toEqual([]);
    expect(lagsOnGovernance(waived.risks)).toEqual([]);
  });
});

describe("when a waiver stops counting", () => {
  const statusAt = (events: MaturityEvent[], time: string, options: Partial<ScoreOptions> = {}) =>
    criterionOf(churn(events, { asOf: time, ...options }), namedOwner).status;

  it("counts until its expiry, not from then on", () => {
    const expiresAt = grant.data.expiresAt;
    expect(statusAt([...ownerless, grant], daysBefore(expiresAt, 1))).toBe("waived");
    expect(statusAt([...ownerless, grant], expiresAt)).toBe("no_data");
    const later = churn([...ownerless, grant], { asOf: daysAfter(expiresAt, 5) });
    expect(criterionOf(later, namedOwner).status).toBe("no_data");
    expect(later).not.toHaveProperty("waivers");
  });

  it("counts until it is revoked, and again when granted anew", () => {
    const revoked = [...ownerless, grant, revokeWaiver("churn", daysBefore(asOf, 5), namedOwner)];
    expect(statusAt(revoked, daysBefore(asOf, 6))).toBe("waived");
    expect(statusAt(revoked, asOf)).toBe("no_data");
    const regranted = [...revoked, grantWaiver("churn", daysBefore(asOf, 2), namedOwner, daysAfter(asOf, 9))];
    expect(statusAt(regranted, asOf)).toBe("waived");
  });

  it("counts no longer than the rubric's maxDays after the grant, which the report gives as its expiry", () => {
    const longGrant = grantWaiver("churn", grantedAt, namedOwner, daysAfter(grantedAt, 100), "w-long");
    const capped = rubricWith({}, { maxDays: 30 });
    const events = [...ownerless, longGrant];
    const before = churn(events, { asOf: daysAfter(grantedAt, 29), rubric: capped });
    expect(criterionOf(before, namedOwner).status).toBe("waived");
    expect(before.waivers?.[0]?.expiresAt).toBe(daysAfter(grantedAt, 30));
    expect(statusAt(events, daysAfter(grantedAt, 31), { rubric: capped })).toBe("no_data");
    // Without the rubric's own rule, the 100-day grant runs its course.
    expect(statusAt(events, daysAfter(grantedAt, 31))).toBe("waived");
  });

  it("counts no longer than 180 days when the rubric sets no waiver rules", () => {
    const yearGrant = grantWaiver("churn", grantedAt, namedOwner, daysAfter(grantedAt, 365));
    const events = [...ownerless, yearGrant];
    const before = churn(events, { asOf: daysAfter(grantedAt, 179) });
    expect(before.waivers?.[0]?.expiresAt).toBe(daysAfter(grantedAt, 180));
    expect(statusAt(events, daysAfter(grantedAt, 181))).toBe("no_data");
  });
});

describe("waivers that do not count", () => {
  it("ignores a waiver of a criterion the rubric forbids waiving", () => {
    const rubric = rubricWith({}, { forbidden: [namedOwner] });
    const system = churn([...ownerless, grant], { rubric });
    expect(criterionOf(system, namedOwner).status).toBe("no_data");
    expect(system).not.toHaveProperty("waivers");
  });

  it("leaves the report byte for byte as without it when it names no criterion of the rubric", () => {
    const stray = grantWaiver("churn", grantedAt, "governance.l5.not-in-the-rubric", daysAfter(asOf, 20));
    const expired = grantWaiver("churn", daysBefore(asOf, 60), namedOwner, daysBefore(asOf, 30));
    const without = JSON.stringify(scoreEvents(ownerless, { asOf }));
    expect(JSON.stringify(scoreEvents([...ownerless, stray, expired], { asOf }))).toBe(without);
  });
});

describe("a waived criterion that its evidence meets", () => {
  const events = levelTwoSystem("churn", asOf);
  const system = churn([...events, grant]);

  it("stays met on its own evidence, while the waiver is still listed", () => {
    const owner = events.find((e) => e.type === "gov.owner.assigned");
    expect(criterionOf(system, namedOwner)).toMatchObject({ status: "met", evidence: [owner?.id] });
    expect(system.waivers?.map((w) => w.criterionId)).toEqual([namedOwner]);
  });
});

describe("a waived criterion and the risks", () => {
  it("is not stale evidence when its old evidence aged out of the window", () => {
    const runsTracked = "reproducibility.l2.runs-tracked";
    const stoppedAt = daysBefore(asOf, 150);
    const events = levelTwoSystem("churn", stoppedAt);
    const staleOn = (system: ReturnType<typeof churn>) =>
      system.risks.find((r) => r.kind === "stale_evidence" && r.axes?.[0] === "reproducibility")?.summary;
    expect(staleOn(churn(events))).toContain(runsTracked);
    const waived = churn([...events, grantWaiver("churn", grantedAt, runsTracked, daysAfter(asOf, 20))]);
    expect(criterionOf(waived, runsTracked).status).toBe("waived");
    expect(staleOn(waived)).toBeDefined(); // the other criteria's evidence aged out too
    expect(staleOn(waived)).not.toContain(runsTracked);
  });

  it("is no practice ahead of the foundation", () => {
    const overridePath = "governance.l5.human-override-path";
    const start = daysBefore(asOf, 100);
    const aheadOn = (system: ReturnType<typeof churn>) =>
      system.risks.filter((r) => r.kind === "ahead_of_foundation" && r.axes?.[0] === "governance");
    const practised = churn([
      register("churn", start),
      event("gov.hitl_override.documented", "churn", start, { docRef: "runbook#override" }),
    ]);
    expect(aheadOn(practised)).toHaveLength(1);
    const waived = churn([
      register("churn", start),
      grantWaiver("churn", start, overridePath, daysAfter(asOf, 20)),
    ]);
    expect(criterionOf(waived, overridePath)).toMatchObject({ status: "waived", aheadOfFoundation: true });
    expect(aheadOn(waived)).toEqual([]);
  });
});

describe("waiver events shuffled or delivered twice", () => {
  const runsTracked = "reproducibility.l2.runs-tracked";
  const at = (days: number) => daysBefore(asOf, days);
  // A grant revoked and granted again in the same instant (ids decide: w-4 comes after w-3), and a
  // grant revoked for good.
  const events: MaturityEvent[] = [
    ...ownerless,
    grantWaiver("churn", at(60), namedOwner, at(-60), "w-2"),
    revokeWaiver("churn", at(30), namedOwner, "w-3"),
    grantWaiver("churn", at(30), namedOwner, at(-30), "w-4"),
    grantWaiver("churn", at(20), runsTracked, at(-30), "w-5"),
    revokeWaiver("churn", at(10), runsTracked, "w-6"),
  ];
  const expected = scoreEvents(events, { asOf });

  it("take the latest event per criterion by time, then id", () => {
    const system = systemOf(expected, "churn");
    expect(system.waivers?.map((w) => w.eventId)).toEqual(["w-4"]);
    expect(criterionOf(system, runsTracked).status).toBe("met");
  });

  it("give the same report", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length }),
        fc.subarray(events),
        (shuffled, again) => {
          expect(scoreEvents([...shuffled, ...again], { asOf })).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });
});
