import { describe, expect, it } from "vitest";
import { initialSystemFacts } from "../facts/initial.ts";
import type { AgentRunBucket, LlmCallBucket } from "../facts/types.ts";
import { dayMs } from "../time.ts";
import { costByFeature, unattributedCostShare } from "./cost-by-feature.ts";

const llm = (day: number, feature: string | null, costMicros: number, lastId: string): LlmCallBucket => ({
  day: day * dayMs,
  feature,
  calls: 2,
  costedCalls: costMicros === 0 ? 0 : 1,
  costMicros,
  errors: 0,
  latencyMsTotal: 0,
  lastId,
  lastT: day * dayMs + 1,
});

const agent = (day: number, feature: string | null, costMicros: number, lastId: string): AgentRunBucket => ({
  day: day * dayMs,
  feature,
  runs: 1,
  terminationRecorded: 1,
  terminatedCorrectly: 1,
  steps: 1,
  toolCalls: 0,
  retries: 0,
  costedRuns: 1,
  costMicros,
  lastId,
  lastT: day * dayMs + 1,
});

describe("unattributedCostShare", () => {
  it("is costByFeature's unattributed share, with the same evidence", () => {
    const facts = initialSystemFacts("s");
    facts.llmCalls.push(
      llm(1, null, 300, "a"),
      llm(2, "chat", 0, "b"),
      llm(3, "chat", 700, "c"),
      llm(9, null, 5, "late"),
    );
    for (const [from, to] of [
      [-Infinity, 5 * dayMs],
      [1.5 * dayMs, 5 * dayMs],
      [-Infinity, 20 * dayMs],
    ] as const) {
      const full = costByFeature(facts, from, to);
      expect(unattributedCostShare(facts, from, to)).toEqual({
        value: full.value.unattributedCostShare,
        evidence: full.evidence,
      });
    }
    expect(unattributedCostShare(facts, -Infinity, 5 * dayMs).value).toBe(0.3);
  });

  it("falls back to agent runs without costed LLM calls, and is null without spend", () => {
    const facts = initialSystemFacts("s");
    expect(unattributedCostShare(facts, -Infinity, 5 * dayMs)).toEqual({ value: null, evidence: [] });
    facts.agentRuns.push(agent(1, null, 100, "r1"), agent(2, "triage", 300, "r2"));
    expect(unattributedCostShare(facts, -Infinity, 5 * dayMs)).toEqual({
      value: 0.25,
      evidence: ["r1", "r2"],
    });
  });
});
