import { describe, expect, it } from "vitest";
import { decideAlerts } from "./decide.ts";
import { groupAlerts, mergeMessages } from "./group.ts";
import { at, hour, manyDrops, rule } from "./test/snapshots.ts";

const rules = [
  rule({ id: "drops", kind: "level_dropped", destinations: ["ops", "chat"] }),
  rule({ id: "evaluation-drops", kind: "level_dropped", axes: ["evaluation"], destinations: ["audit"] }),
];
const now = at(hour);
const alerts = decideAlerts({ rules, ...manyDrops(3), now });

describe("groupAlerts", () => {
  it("sends the alerts of one decision as one message per destination", () => {
    const messages = groupAlerts(alerts, { now });
    expect(messages.map((m) => [m.destination, m.alerts.map((a) => a.ruleId), m.sendAt])).toEqual([
      ["audit", ["evaluation-drops", "evaluation-drops", "evaluation-drops"], now.toISOString()],
      ["chat", ["drops", "drops", "drops"], now.toISOString()],
      ["ops", ["drops", "drops", "drops"], now.toISOString()],
    ]);
  });

  it("gives each message an id from its destination and alerts, whatever their order", () => {
    const [, chat, ops] = groupAlerts(alerts, { now });
    const [, reversedChat] = groupAlerts([...alerts].reverse(), { now });
    expect(chat?.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(reversedChat?.id).toBe(chat?.id);
    expect(ops?.id).not.toBe(chat?.id);
    // A redelivered batch: the same alerts, so the same webhook-id for the receiver to drop.
    const again = decideAlerts({ rules, ...manyDrops(3), now: at(2 * hour) });
    expect(groupAlerts(again, { now: at(2 * hour) }).map((m) => m.id)).toEqual(
      groupAlerts(alerts, { now }).map((m) => m.id),
    );
  });

  it("holds messages for the destinations quiet hours name until they end", () => {
    const night = new Date("2026-03-01T23:00:00Z");
    const quietHours = { from: "22:00", to: "07:00", timeZone: "UTC", destinations: ["chat"] };
    const messages = groupAlerts(alerts, { now: night, quietHours });
    expect(messages.map((m) => [m.destination, m.sendAt])).toEqual([
      ["audit", "2026-03-01T23:00:00.000Z"],
      ["chat", "2026-03-02T07:00:00.000Z"],
      ["ops", "2026-03-01T23:00:00.000Z"],
    ]);
    const everyone = groupAlerts(alerts, {
      now: night,
      quietHours: { ...quietHours, destinations: undefined },
    });
    expect(new Set(everyone.map((m) => m.sendAt))).toEqual(new Set(["2026-03-02T07:00:00.000Z"]));
  });

  it("sends nothing when nothing was decided", () => {
    expect(groupAlerts([], { now })).toEqual([]);
  });
});

describe("mergeMessages", () => {
  it("merges messages held for the same destination and time into one", () => {
    const night = new Date("2026-03-01T23:00:00Z");
    const quietHours = { from: "22:00", to: "07:00", timeZone: "UTC" };
    const first = groupAlerts(alerts.slice(0, 2), { now: night, quietHours });
    const later = groupAlerts(alerts.slice(1), { now: new Date("2026-03-02T03:00:00Z"), quietHours });
    const merged = mergeMessages([...first, ...later]);
    expect(merged).toEqual(groupAlerts(alerts, { now: night, quietHours }));
  });

  it("keeps messages due at different times apart", () => {
    const a = groupAlerts(alerts.slice(0, 1), { now });
    const b = groupAlerts(alerts.slice(1, 2), { now: at(2 * hour) });
    expect(mergeMessages([...b, ...a])).toEqual([...a, ...b]);
  });
});
