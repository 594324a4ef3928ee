import type { Waiver } from "@maturity/model";
import { describe, expect, it } from "vitest";
import type { AxisChange } from "./projections.ts";
import { historyRows, lapsedWaivers } from "./projections.ts";

const waiver = (criterionId: string, eventId: string): Waiver => ({
  criterionId,
  reason: "a reason",
  approver: "risk@acme.example",
  grantedAt: "2026-03-01T00:00:00.000Z",
  expiresAt: "2026-04-01T00:00:00.000Z",
  eventId,
});
const change = (axis: AxisChange["axis"]): AxisChange => ({
  systemId: "s1",
  axis,
  score: 2.5,
  level: 2,
  previousScore: 3.1,
});
const at = { asOf: "2026-04-02T00:00:00.000Z", rubricVersion: "2026.11-1" };

describe("the cause history records", () => {
  it("is the event for a batch, the window for time passing, and the policy for an activation", () => {
    const [byEvent] = historyRows([change("deployment")], { ...at, causeEventId: "e1" });
    const [byWindow] = historyRows([change("deployment")], { ...at, causeEventId: null });
    const [byPolicy] = historyRows([change("deployment")], {
      asOf: at.asOf,
      rubricVersion: "builtin@2026.11-1+acme@2",
      causeEventId: "activation-1",
      policy: true,
    });
    expect(byEvent).toMatchObject({ cause: "event", causeEventId: "e1", rubricVersion: "2026.11-1" });
    expect(byWindow).toMatchObject({ cause: "window", causeEventId: null });
    expect(byPolicy).toMatchObject({
      cause: "policy",
      causeEventId: "activation-1",
      rubricVersion: "builtin@2026.11-1+acme@2",
    });
  });

  it("names an expired waiver on a window re-score, on its own axis only", () => {
    const lapsed = lapsedWaivers(
      [waiver("deployment.l3.canary-or-shadow", "grant-1"), waiver("governance.l2.named-owner", "grant-2")],
      [waiver("governance.l2.named-owner", "grant-2")],
    );
    expect(lapsed.map((w) => w.eventId)).toEqual(["grant-1"]);
    const rows = historyRows(
      [change("deployment"), change("evaluation")],
      { ...at, causeEventId: null },
      lapsed,
    );
    expect(rows.map((row) => [row.axis, row.cause, row.causeEventId])).toEqual([
      ["deployment", "waiver-expired", "grant-1"],
      ["evaluation", "window", null],
    ]);
    // A batch's or an activation's re-score keeps its own cause.
    const [byEvent] = historyRows([change("deployment")], { ...at, causeEventId: "e1" }, lapsed);
    expect(byEvent).toMatchObject({ cause: "event", causeEventId: "e1" });
  });

  it("counts a waiver as lapsed only when its criterion is no longer waived", () => {
    expect(lapsedWaivers(undefined, undefined)).toEqual([]);
    expect(lapsedWaivers([waiver("deployment.l3.canary-or-shadow", "old")], undefined)).toHaveLength(1);
    // Replaced by a newer grant of the same criterion: still waived.
    expect(
      lapsedWaivers(
        [waiver("deployment.l3.canary-or-shadow", "old")],
        [waiver("deployment.l3.canary-or-shadow", "new")],
      ),
    ).toEqual([]);
  });
});
