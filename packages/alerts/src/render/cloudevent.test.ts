import { describe, expect, it } from "vitest";
import { decideAlerts } from "../decide.ts";
import { groupAlerts } from "../group.ts";
import { at, fraud, gap, hour, manyDrops, risk, rollup, rule, snapshot } from "../test/snapshots.ts";
import { alertCloudEvent, renderCloudEvents } from "./cloudevent.ts";

const publicUrl = "https://maturity.acme.example/portal/";
const now = at(hour);

describe("renderCloudEvents", () => {
  it("renders one alert as a structured CloudEvent", () => {
    const alerts = decideAlerts({ rules: [rule({ kind: "level_dropped" })], ...manyDrops(1), now });
    const [message] = groupAlerts(alerts, { now });
    const rendered = renderCloudEvents(message!, { publicUrl });
    expect(rendered.contentType).toBe("application/cloudevents+json");
    expect(JSON.parse(rendered.body)).toEqual({
      specversion: "1.0",
      id: alerts[0]!.id,
      source: "urn:maturity:alerts",
      type: "dev.maturity.alert.level_dropped",
      subject: "system-000",
      time: now.toISOString(),
      datacontenttype: "application/json",
      data: {
        ruleId: "level_dropped-rule",
        kind: "level_dropped",
        summary: "System 0 (team payments) dropped from level 3 to level 2 on evaluation.",
        subject: {
          type: "system",
          systemId: "system-000",
          name: "System 0",
          team: "payments",
          kind: "classical",
          riskTier: "high",
        },
        change: { axis: "evaluation", before: 3, after: 2, criteria: [] },
        evidence: [],
        link: "https://maturity.acme.example/portal/systems/system-000",
      },
    });
  });

  it("renders several alerts as a CloudEvents batch, the same bytes every time", () => {
    const alerts = decideAlerts({ rules: [rule({ kind: "level_dropped" })], ...manyDrops(3), now });
    const [message] = groupAlerts(alerts, { now });
    const rendered = renderCloudEvents(message!, { publicUrl });
    expect(rendered.contentType).toBe("application/cloudevents-batch+json");
    const events = JSON.parse(rendered.body) as { id: string; subject: string }[];
    expect(events.map((e) => e.subject)).toEqual(["system-000", "system-001", "system-002"]);
    expect(events.map((e) => e.id)).toEqual(alerts.map((a) => a.id));
    expect(renderCloudEvents(message!, { publicUrl })).toEqual(rendered);
  });

  it("names teams and the organisation as subjects, with links to their pages", () => {
    const before = snapshot({ risks: [risk("a")] });
    const after = snapshot({
      risks: [
        risk("a"),
        risk("track_gap:team:data science:", {
          kind: "track_gap",
          systemId: undefined,
          team: "data science",
        }),
      ],
      rollups: { org: rollup(gap(0.9)), teams: {} },
    });
    const alerts = decideAlerts({
      rules: [
        rule({ kind: "risk_entered_top", scope: "org", top: 2 }),
        rule({ kind: "gap_widened", scope: "org", by: 0.5, periodDays: 30, axes: ["evaluation"] }),
      ],
      before,
      after,
      now,
    });
    const events = alerts.map((alert) => alertCloudEvent(alert, { publicUrl: "https://m.example" }));
    expect(events.map((e) => [e.type, e.subject, e.data.link])).toEqual([
      ["dev.maturity.alert.risk_entered_top", "team:data science", "https://m.example/teams/data%20science"],
      ["dev.maturity.alert.gap_widened", "org", "https://m.example/"],
    ]);
    expect(events[1]?.data.change).toMatchObject({ scope: "org", axis: "evaluation", before: 0, after: 0.9 });
  });

  it("encodes a system id in its link", () => {
    const alerts = decideAlerts({
      rules: [rule({ kind: "level_dropped" })],
      before: snapshot({ systems: [fraud({ systemId: "a/b?c" })] }),
      after: snapshot({
        systems: [fraud({ systemId: "a/b?c", levels: { ...fraud().levels, deployment: 1 } })],
      }),
      now,
    });
    expect(alertCloudEvent(alerts[0]!, { publicUrl: "https://m.example" }).data.link).toBe(
      "https://m.example/systems/a%2Fb%3Fc",
    );
  });
});
