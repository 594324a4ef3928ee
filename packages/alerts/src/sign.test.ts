import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook } from "./sign.ts";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4+p9E2L9WLY=";
const body = JSON.stringify({ specversion: "1.0", id: "alert_1", type: "dev.maturity.alert.level_dropped" });
const id = "msg_p5jXN8AQM9LWM0D4loKWxJek";

describe("signWebhook", () => {
  it("signs as the Standard Webhooks library does", () => {
    const at = new Date(1614265330 * 1000);
    const headers = signWebhook({ id, body: '{"test": 2432232314}', secret, now: at });
    expect(headers).toEqual({
      "webhook-id": id,
      "webhook-timestamp": "1614265330",
      "webhook-signature": new Webhook(secret).sign(id, at, '{"test": 2432232314}'),
    });
    // Pinned, so a change to either side shows here.
    expect(headers["webhook-signature"]).toBe("v1,vbEw/Aemd+beSR4fCg1tUuulBlEs9VS8vrTeYkkP5A4=");
  });

  // The verifier checks the timestamp against its own clock: these sign with the real time.
  it("passes the real verifier", () => {
    const headers = signWebhook({ id, body, secret, now: new Date() });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("fails the verifier when the body was changed", () => {
    const headers = signWebhook({ id, body, secret, now: new Date() });
    expect(() => new Webhook(secret).verify(body.replace("level_dropped", "gap_widened"), headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it("fails the verifier with another secret", () => {
    const headers = signWebhook({ id, body, secret, now: new Date() });
    const other = "whsec_" + Buffer.alloc(32, 7).toString("base64");
    expect(() => new Webhook(other).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it("fails the verifier when the timestamp is too old (a replay)", () => {
    const headers = signWebhook({ id, body, secret, now: new Date(Date.now() - 10 * 60_000) });
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/timestamp too old/i);
  });

  it("keeps the id and changes the signature when a retry signs again", () => {
    const first = signWebhook({ id, body, secret, now: new Date(1_800_000_000_000) });
    const retry = signWebhook({ id, body, secret, now: new Date(1_800_000_060_000) });
    expect(retry["webhook-id"]).toBe(first["webhook-id"]);
    expect(retry["webhook-timestamp"]).toBe("1800000060");
    expect(retry["webhook-signature"]).not.toBe(first["webhook-signature"]);
  });
});
