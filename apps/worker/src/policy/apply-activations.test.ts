import type { MaturityEvent } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import { activePolicyFromDocument, builtinPolicy } from "@maturity/policy";
import { describe, expect, it } from "vitest";
import { activationEvent } from "./activate-at-start.ts";
import { activationsOutcome } from "./apply-activations.ts";

function policy(version: number) {
  const result = activePolicyFromDocument({ name: "acme-bank", version, extends: "builtin@2026.11-1" });
  if (!result.ok) throw new Error("the test policy is invalid");
  return result.policy;
}
const time = "2026-11-24T12:00:00.000Z";
const activate = (version: number, id: string) =>
  activationEvent(policy(version), { actor: "a", time, previousEventId: id }) as MaturityEvent;
const other = exampleEvents.find((event) => event.type === "deploy.completed")!;

describe("which activation puts a policy in force", () => {
  it("none when no activation brings other content than the policy in force", () => {
    expect(activationsOutcome([other], builtinPolicy())).toBeUndefined();
    expect(activationsOutcome([activate(7, "x")], policy(7))).toBeUndefined();
  });

  it("the last that changes the content, in log order; a repeat of the content in force is skipped", () => {
    const seven = activate(7, "a");
    const sevenAgain = activate(7, "b");
    const eight = activate(8, "c");
    const outcome = activationsOutcome([seven, other, eight, sevenAgain], builtinPolicy());
    expect(outcome?.activation.id).toBe(sevenAgain.id);
    expect(outcome?.policy.rubricVersion).toBe("builtin@2026.11-1+acme-bank@7");
    expect(activationsOutcome([seven, sevenAgain], builtinPolicy())?.activation.id).toBe(seven.id);
  });

  it("goes by the document's own hash, not the one the event claims", () => {
    const claimed = activate(7, "a") as MaturityEvent & { data: { contentHash: string } };
    const forged = { ...claimed, data: { ...claimed.data, contentHash: "0".repeat(64) } } as MaturityEvent;
    expect(activationsOutcome([forged], policy(7))).toBeUndefined();
    expect(activationsOutcome([forged], builtinPolicy())?.policy.contentHash).toBe(policy(7).contentHash);
  });
});
