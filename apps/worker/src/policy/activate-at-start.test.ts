import { parseEvent } from "@maturity/model";
import { activePolicyFromDocument, builtinPolicy } from "@maturity/policy";
import { describe, expect, it } from "vitest";
import { activationEvent } from "./activate-at-start.ts";

const result = activePolicyFromDocument({ name: "acme-bank", version: 7, extends: "builtin@2026.11-1" });
if (!result.ok) throw new Error("the test policy is invalid");
const acme = result.policy;
const time = "2026-11-24T12:00:00.000Z";

describe("the activation a process started with a policy appends", () => {
  it("is a valid policy.activated from the platform carrying the policy's document", () => {
    const event = activationEvent(acme, { actor: "MATURITY_POLICY", time, previousEventId: null });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).ok).toBe(true);
    expect(event).toMatchObject({
      source: "urn:maturity:platform",
      type: "policy.activated",
      subject: "policy",
      time,
      data: {
        name: "acme-bank",
        version: 7,
        rubricVersion: "builtin@2026.11-1+acme-bank@7",
        contentHash: acme.contentHash,
        actor: "MATURITY_POLICY",
        document: acme.document,
      },
    });
  });

  it("has one id for one policy after one predecessor, whatever the time: processes started together append one event", () => {
    const first = activationEvent(acme, { actor: "MATURITY_POLICY", time, previousEventId: null });
    const again = activationEvent(acme, {
      actor: "MATURITY_POLICY",
      time: "2026-11-25T00:00:00Z",
      previousEventId: null,
    });
    expect(again.id).toBe(first.id);
    // Activated again after another policy: a new event, not a duplicate the store would drop.
    const back = activationEvent(builtinPolicy(), { actor: "a", time, previousEventId: first.id });
    const reactivated = activationEvent(acme, { actor: "MATURITY_POLICY", time, previousEventId: back.id });
    expect(new Set([first.id, back.id, reactivated.id]).size).toBe(3);
  });
});
