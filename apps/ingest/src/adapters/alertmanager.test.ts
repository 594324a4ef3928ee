import { describe, expect, it } from "vitest";
import {
  alertIncidentKind,
  alertRoute,
  alertSeverity,
  alertSignal,
  mapAlertmanagerNotification,
  monitorSignals,
} from "./alertmanager.ts";

describe("alertSeverity", () => {
  it.each([
    ["critical", 1],
    ["CRITICAL", 1],
    ["error", 2],
    ["high", 2],
    ["page", 2],
    ["warning", 3],
    ["medium", 3],
    ["info", 4],
    ["low", 4],
    ["none", 4],
    ["sev0", 4],
    [undefined, 4],
  ])("severity=%s → %i", (label, severity) => {
    expect(alertSeverity(label)).toBe(severity);
  });
});

describe("alertSignal", () => {
  it("takes a maturity_signal or signal label that is one of the model's signals", () => {
    expect(alertSignal({ alertname: "AnyName", maturity_signal: "gold_panel" })).toBe("gold_panel");
    expect(alertSignal({ alertname: "AnyName", signal: "trajectory" })).toBe("trajectory");
    expect(alertSignal({ maturity_signal: "cost", signal: "drift" })).toBe("cost");
    expect(monitorSignals).toContain("prediction_distribution");
  });

  it.each([
    ["FeatureDriftHigh", "drift"],
    ["TrainingServingSkew", "training_serving_skew"],
    ["InferenceLatencyP99", "latency"],
    ["LlmCostBurnRate", "cost"],
    ["DailySpendOverBudget", "cost"],
    ["KubePodCrashLooping", "infra"],
  ])("infers %s → %s from the alertname otherwise", (alertname, signal) => {
    expect(alertSignal({ alertname, signal: "not-a-signal" })).toBe(signal);
  });

  it("is infra without an alertname", () => {
    expect(alertSignal({})).toBe("infra");
  });
});

describe("alertIncidentKind", () => {
  it("takes a valid incident_kind label, else derives the kind from the signal", () => {
    expect(alertIncidentKind({ incident_kind: "safety" }, "latency")).toBe("safety");
    expect(alertIncidentKind({ incident_kind: "bad" }, "cost")).toBe("cost");
    expect(alertIncidentKind({}, "drift")).toBe("quality_regression");
    expect(alertIncidentKind({}, "training_serving_skew")).toBe("quality_regression");
    expect(alertIncidentKind({}, "latency")).toBe("outage");
    expect(alertIncidentKind({}, "infra")).toBe("outage");
  });
});

describe("alertRoute", () => {
  it("prefers maturity_system, then maturity_service, then service", () => {
    expect(alertRoute({ maturity_system: "fraud", service: "svc" })).toEqual({
      ref: { kind: "system", id: "fraud" },
    });
    expect(alertRoute({ maturity_service: "a", service: "b" })).toEqual({
      ref: { kind: "service", id: "a" },
    });
    expect(alertRoute({ service: "b", maturity_system: " " })).toEqual({ ref: { kind: "service", id: "b" } });
  });

  it("skips an alert with no routing label or a system id that is not one", () => {
    expect(alertRoute({ alertname: "X" })).toHaveProperty("skip");
    expect(alertRoute({ maturity_system: "unmapped:service:x" })).toHaveProperty("skip");
    expect(alertRoute({ maturity_system: "s".repeat(201) })).toHaveProperty("skip");
  });
});

describe("mapAlertmanagerNotification", () => {
  const now = new Date("2026-03-02T12:00:00Z");
  const alert = {
    status: "resolved",
    labels: { alertname: "X", severity: "Critical", service: "svc" },
    startsAt: "2026-03-01T10:00:00Z",
    endsAt: "0001-01-01T00:00:00Z",
    fingerprint: "f1",
  };

  it("resolves at delivery time when the end is not a usable time, and compares severities in any case", () => {
    const result = mapAlertmanagerNotification({
      payload: { alerts: [alert] },
      now,
      incidentSeverities: ["critical"],
    });
    // The firing's events again (same ids: stored once), then the resolution.
    expect(result.drafts.map((draft) => draft.type)).toEqual([
      "monitor.alert.fired",
      "incident.opened",
      "incident.resolved",
    ]);
    expect(result.drafts.at(-1)).toEqual({
      type: "incident.resolved",
      id: "f1@2026-03-01T10:00:00.000Z:resolved",
      source: "alertmanager",
      time: now.toISOString(),
      ref: { kind: "service", id: "svc" },
      data: { incidentId: "alertmanager:f1@2026-03-01T10:00:00.000Z" },
    });
  });

  it("ignores a notification without alerts; a resolved alert below the incident severities is its firing alone", () => {
    expect(
      mapAlertmanagerNotification({ payload: { alerts: [] }, now, incidentSeverities: [] }),
    ).toMatchObject({
      ignored: expect.stringContaining("no alerts"),
    });
    expect(
      mapAlertmanagerNotification({ payload: { alerts: [alert] }, now, incidentSeverities: ["page"] }),
    ).toMatchObject({ drafts: [{ type: "monitor.alert.fired", id: "f1@2026-03-01T10:00:00.000Z" }] });
  });
});
