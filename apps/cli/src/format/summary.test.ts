import type { MaturityEvent } from "@maturity/model";
import { scoreEvents } from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import { formatSummary } from "./summary.ts";

const event = (id: string, type: string, time: string, data: Record<string, unknown>) =>
  ({ specversion: "1.0", id, source: "test", type, time, subject: "fraud", data }) as MaturityEvent;

const registered = event("e1", "catalog.system.registered", "2026-06-01T00:00:00Z", {
  name: "Fraud",
  team: "risk",
  kind: "classical",
  riskTier: "high",
});
const waiver = event("w1", "gov.waiver.granted", "2026-10-01T00:00:00Z", {
  criterionId: "deployment.l2.weekly-deploys",
  reason: "Quarterly release train by design",
  approver: "cro@bank.example",
  expiresAt: "2026-12-31T00:00:00Z",
});

describe("formatSummary", () => {
  it("lists each waiver in force with its expiry, approver and reason", () => {
    const report = scoreEvents([registered, waiver], { asOf: "2026-11-24T00:00:00Z" });
    expect(formatSummary(report)).toContain(
      "  waived: deployment.l2.weekly-deploys until 2026-12-31, approved by cro@bank.example: Quarterly release train by design",
    );
  });

  it("lists none once the waiver has expired", () => {
    const report = scoreEvents([registered, waiver], { asOf: "2027-01-02T00:00:00Z" });
    expect(formatSummary(report)).not.toContain("waived:");
  });
});
