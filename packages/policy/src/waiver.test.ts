import { rubric, type WaiverRules } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { waiverIssue } from "./waiver.ts";

const rules: WaiverRules = { maxDays: 90, forbidden: ["governance.l2.named-owner"] };
const grant = (criterionId: string, expiresAt: string, time = "2026-03-01T00:00:00Z") => ({
  time,
  data: { criterionId, expiresAt },
});

describe("waiverIssue", () => {
  it("allows a waiver of a known criterion, within the cap", () => {
    expect(
      waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", "2026-04-30T00:00:00Z")),
    ).toBeUndefined();
  });

  it("allows exactly the longest waiver", () => {
    expect(
      waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", "2026-05-30T00:00:00Z")),
    ).toBeUndefined();
    expect(
      waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", "2026-05-30T00:00:01Z")),
    ).toContain("longer than");
  });

  it("refuses a criterion the rubric lacks", () => {
    expect(
      waiverIssue(rules, rubric, grant("deployment.l3.progressive-delivery", "2026-04-01T00:00:00Z")),
    ).toBe(
      `The rubric ${rubric.version} has no criterion deployment.l3.progressive-delivery, so there is nothing to waive.`,
    );
  });

  it("refuses a forbidden criterion", () => {
    expect(waiverIssue(rules, rubric, grant("governance.l2.named-owner", "2026-04-01T00:00:00Z"))).toBe(
      "The policy forbids waiving governance.l2.named-owner (waivers.forbidden).",
    );
  });

  it("refuses an expiry that is not after the grant", () => {
    for (const expiresAt of ["2026-03-01T00:00:00Z", "2026-02-01T00:00:00Z"])
      expect(waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", expiresAt))).toContain(
        `expires at ${expiresAt}, which is not after it was granted (2026-03-01T00:00:00Z)`,
      );
  });

  it("refuses a waiver longer than the cap, saying by how much", () => {
    expect(waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", "2026-06-29T00:00:00Z"))).toBe(
      "The waiver runs 120 days, 30 days longer than the policy's cap of 90 days (waivers.maxDays).",
    );
    expect(
      waiverIssue(rules, rubric, grant("deployment.l2.weekly-deploys", "2026-05-30T12:00:00Z")),
    ).toContain("runs 90.5 days, 0.5 days longer");
  });

  it("compares times across offsets", () => {
    expect(
      waiverIssue(
        rules,
        rubric,
        grant("deployment.l2.weekly-deploys", "2026-03-01T00:30:00+01:00", "2026-02-28T23:00:00Z"),
      ),
    ).toBeUndefined();
  });
});
