import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { decideAlerts } from "./decide.ts";
import { groupAlerts } from "./group.ts";
import { deliveryRequest } from "./request.ts";
import { at, hour, manyDrops, rule } from "./test/snapshots.ts";

const secret = "whsec_" + Buffer.alloc(32, 42).toString("base64");
const alerts = decideAlerts({
  rules: [rule({ kind: "level_dropped", destinations: ["hook", "chat"] })],
  ...manyDrops(2),
  now: at(hour),
});
const [chat, hook] = groupAlerts(alerts, { now: at(hour) });
const options = { publicUrl: "https://maturity.acme.example" };

describe("deliveryRequest", () => {
  it("posts a webhook's CloudEvents signed with its secret, verifiable by the receiver", () => {
    const now = new Date();
    const request = deliveryRequest(
      hook!,
      { name: "hook", type: "webhook", url: "https://h.example/in", secret },
      {
        ...options,
        now,
      },
    );
    expect(request).toMatchObject({
      url: "https://h.example/in",
      method: "POST",
      headers: {
        "content-type": "application/cloudevents-batch+json",
        "webhook-id": hook!.id,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      },
    });
    const events = new Webhook(secret).verify(request.body, request.headers) as { id: string }[];
    expect(events.map((e) => e.id)).toEqual(alerts.map((a) => a.id));
  });

  it("sends the same body and id on a retry, signed at the retry's time", () => {
    const destination = { name: "hook", type: "webhook", url: "https://h.example/in", secret } as const;
    const first = deliveryRequest(hook!, destination, { ...options, now: at(hour) });
    const retry = deliveryRequest(hook!, destination, { ...options, now: at(2 * hour) });
    expect(retry.body).toBe(first.body);
    expect(retry.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(retry.headers["webhook-signature"]).not.toBe(first.headers["webhook-signature"]);
  });

  it("posts Block Kit JSON to a Slack incoming webhook, unsigned", () => {
    const request = deliveryRequest(
      chat!,
      { name: "chat", type: "slack", url: "https://hooks.slack.com/services/T/B/X" },
      {
        ...options,
        now: at(hour),
      },
    );
    expect(request.headers).toEqual({ "content-type": "application/json" });
    expect(JSON.parse(request.body)).toMatchObject({ blocks: [{ type: "header" }, {}, {}] });
  });
});
