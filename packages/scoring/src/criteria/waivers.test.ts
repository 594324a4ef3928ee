import type { MaturityEvent } from "@maturity/model";
import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { evolveSystem } from "../facts/fold.ts";
import { initialSystemFacts } from "../facts/initial.ts";
import { daysBefore, grantWaiver, revokeWaiver } from "../test/builders.ts";
import { rubricWith } from "../test/rubrics.ts";
import { listedWaivers, waiversInForce } from "./waivers.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const at = (days: number) => daysBefore(asOf, days);
const owner = "governance.l2.named-owner";
const runsTracked = "reproducibility.l2.runs-tracked";

function waiverFacts(events: MaturityEvent[]) {
  const facts = initialSystemFacts("s");
  for (const e of events) evolveSystem(facts, e);
  return facts.waivers;
}

describe("the waivers fact kind", () => {
  const events = [
    grantWaiver("s", at(5), owner, at(-5), "w-b"),
    revokeWaiver("s", at(5), owner, "w-a"),
    grantWaiver("s", at(9), runsTracked, at(-5), "w-c"),
  ];

  it("keeps grants and revocations in (time, id) order, once each, whatever the arrival", () => {
    const kept = waiverFacts([...events, ...events.slice(0, 2)]);
    expect(kept).toEqual(waiverFacts([...events].reverse()));
    expect(kept.map((w) => w.id)).toEqual(["w-c", "w-a", "w-b"]);
    expect(kept[0]).toEqual({
      id: "w-c",
      t: Date.parse(at(9)),
      criterionId: runsTracked,
      granted: true,
      reason: events[2]?.data.reason,
      approver: events[2]?.data.approver,
      expiresAt: Date.parse(at(-5)),
    });
    expect(kept[1]).toEqual({ id: "w-a", t: Date.parse(at(5)), criterionId: owner, granted: false });
  });
});

describe("waiversInForce", () => {
  const inForce = (events: MaturityEvent[], time = asOf, r = rubric) =>
    waiversInForce(waiverFacts(events), r, Date.parse(time));

  it("is undefined without waiver events at or before asOf", () => {
    expect(inForce([])).toBeUndefined();
    expect(inForce([grantWaiver("s", at(-1), owner, at(-9))])).toBeUndefined();
  });

  it("takes each criterion's latest event by time, then id, leaving later ones out", () => {
    const revokedThenGranted = [
      revokeWaiver("s", at(5), owner, "w-1"),
      grantWaiver("s", at(5), owner, at(-5), "w-2"),
    ];
    expect(inForce(revokedThenGranted)?.get(owner)?.eventId).toBe("w-2");
    const grantedThenRevoked = [
      grantWaiver("s", at(5), owner, at(-5), "w-1"),
      revokeWaiver("s", at(5), owner, "w-2"),
    ];
    expect(inForce(grantedThenRevoked)).toBeUndefined();
    const revokedAfterAsOf = [
      grantWaiver("s", at(5), owner, at(-5), "w-1"),
      revokeWaiver("s", at(-1), owner),
    ];
    expect(inForce(revokedAfterAsOf)?.get(owner)?.eventId).toBe("w-1");
    expect(inForce(revokedAfterAsOf, at(-0.5))?.get(owner)?.eventId).toBe("w-1");
    expect(inForce(revokedAfterAsOf, at(-1))).toBeUndefined();
  });

  it("holds strictly before the expiry", () => {
    const events = [grantWaiver("s", at(5), owner, at(-5))];
    expect(inForce(events, at(-4.999))).toBeDefined();
    expect(inForce(events, at(-5))).toBeUndefined();
  });

  it("applies the rubric's waiver rules: maxDays and forbidden criteria", () => {
    const events = [grantWaiver("s", at(5), owner, at(-50)), grantWaiver("s", at(5), runsTracked, at(-50))];
    const strict = rubricWith({}, { maxDays: 7, forbidden: [runsTracked] });
    expect([...(inForce(events, asOf, strict)?.keys() ?? [])]).toEqual([owner]);
    expect(inForce(events, asOf, strict)?.get(owner)?.expiresAt).toBe(at(-2));
    expect(inForce(events, at(-2), strict)).toBeUndefined();
  });
});

describe("listedWaivers", () => {
  it("lists those naming a criterion of the rubric, by criterion id; undefined when none", () => {
    const stray = "governance.l5.not-in-the-rubric";
    const events = [
      grantWaiver("s", at(5), runsTracked, at(-5)),
      grantWaiver("s", at(4), stray, at(-5)),
      grantWaiver("s", at(3), owner, at(-5)),
    ];
    const inForce = waiversInForce(waiverFacts(events), rubric, Date.parse(asOf));
    expect(listedWaivers(inForce, rubric)?.map((w) => w.criterionId)).toEqual([owner, runsTracked]);
    const strayOnly = waiversInForce(waiverFacts(events.slice(1, 2)), rubric, Date.parse(asOf));
    expect(strayOnly?.size).toBe(1);
    expect(listedWaivers(strayOnly, rubric)).toBeUndefined();
    expect(listedWaivers(undefined, rubric)).toBeUndefined();
  });
});
