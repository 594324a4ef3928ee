import type { EventOf } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { activePolicyFromDocument } from "@maturity/policy";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../test/harness.ts";
import { createPolicyHolder } from "./policy-holder.ts";

// A policy of the organisation's: waivers run at most 30 days, and named owners are never waived.
const strict = policy({
  name: "strict-bank",
  version: 3,
  extends: "builtin@2026.11-1",
  waivers: { maxDays: 30, forbidden: ["governance.l2.named-owner"] },
});

function policy(document: Record<string, unknown>): ActivePolicy {
  const result = activePolicyFromDocument(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

const example = exampleEvents.find((event) => event.type === "gov.waiver.granted")!;
const owner = exampleEvents.find((event) => event.type === "gov.owner.assigned")!;
const activation = exampleEvents.find((event) => event.type === "policy.activated")!;

function waiver(id: string, data: Partial<EventOf<"gov.waiver.granted">["data"]>) {
  const criterionId = "deployment.l3.canary-or-shadow";
  return { ...example, id, time: "2026-03-02T09:00:00Z", data: { ...example.data, criterionId, ...data } };
}
// 29 days, 40 days and a forbidden criterion, all granted 2026-03-02.
const withinCap = waiver("w-ok", { expiresAt: "2026-03-31T09:00:00Z" });
const overCap = waiver("w-long", { expiresAt: "2026-04-11T09:00:00Z" });
const forbidden = waiver("w-owner", { criterionId: "governance.l2.named-owner" });

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const post = (payload: unknown, batch = false) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/events",
    headers: {
      "content-type": batch ? "application/cloudevents-batch+json" : "application/cloudevents+json",
    },
    payload: JSON.stringify(payload),
  });

describe("the policy in force at ingest", () => {
  it("accepts a waiver within the policy's rules", async () => {
    const holder = createPolicyHolder(strict);
    harness = await startHarness({ policy: holder.get });
    expect((await post(withinCap)).statusCode).toBe(202);
    expect(await harness.logged()).toHaveLength(1);
  });

  it("refuses a waiver over the cap with 422 naming data.expiresAt and waivers.maxDays", async () => {
    harness = await startHarness({ policy: () => strict });
    const response = await post(overCap);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error).toBe("waiver_refused");
    expect(body.issues).toEqual([
      { path: "data.expiresAt", message: expect.stringContaining("waivers.maxDays") },
    ]);
    expect(body.message).toContain(
      "data.expiresAt: The waiver runs 40 days, 10 days longer than the policy's cap of 30 days (waivers.maxDays).",
    );
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses a waiver of a forbidden criterion naming data.criterionId and waivers.forbidden", async () => {
    harness = await startHarness({ policy: () => strict });
    const response = await post(forbidden);
    expect(response.statusCode).toBe(422);
    expect(response.json().issues).toEqual([
      {
        path: "data.criterionId",
        message: "The policy forbids waiving governance.l2.named-owner (waivers.forbidden).",
      },
    ]);
    expect(await harness.logged()).toEqual([]);
  });

  it("refuses a batch with one bad waiver whole, naming its index", async () => {
    harness = await startHarness({ policy: () => strict });
    const response = await post([owner, withinCap, overCap], true);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: "waiver_refused",
      index: 2,
      issues: [{ path: "[2].data.expiresAt" }],
    });
    expect(response.json().message).toMatch(/^event 2 of the batch is refused, so nothing was accepted/);
    expect(await harness.logged()).toEqual([]);
  });

  it("follows the holder: a waiver the built-in rules allow is refused once the strict policy is set", async () => {
    const holder = createPolicyHolder();
    harness = await startHarness({ policy: holder.get });
    expect((await post(overCap)).statusCode).toBe(202);
    holder.set(strict);
    expect((await post({ ...overCap, id: "w-long-again" })).statusCode).toBe(422);
    expect(await harness.logged()).toHaveLength(1);
  });

  it("refuses policy.activated from a sender with 403: only the platform activates policies", async () => {
    harness = await startHarness();
    const response = await post(activation);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: "platform_event_refused",
      issues: [{ path: "type" }],
    });
    expect(response.json().message).toContain(
      "policies are activated with MATURITY_POLICY or in the portal by an admin",
    );
    const inBatch = await post([owner, activation], true);
    expect(inBatch.statusCode).toBe(403);
    expect(inBatch.json()).toMatchObject({ index: 1, issues: [{ path: "[1].type" }] });
    expect(await harness.logged()).toEqual([]);
  });

  it.each(["alerts.rules.changed", "alerts.delivery.redriven"])(
    "refuses %s from a sender with 403: alerting is changed by an admin",
    async (type) => {
      harness = await startHarness();
      const response = await post(exampleEvents.find((event) => event.type === type)!);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: "platform_event_refused", issues: [{ path: "type" }] });
      expect(response.json().message).toContain(`${type} is emitted only by the platform`);
      expect(await harness.logged()).toEqual([]);
    },
  );
});
