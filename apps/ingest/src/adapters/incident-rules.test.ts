import { describe, expect, it } from "vitest";
import { deploymentIdIn, incidentKindOf } from "./incident-rules.ts";
import { firstKeywordMatch, wordsOf } from "./keywords.ts";

describe("wordsOf", () => {
  it("splits camelCase, acronyms, digits and punctuation into lower-case words", () => {
    expect(wordsOf("HighP99Latency")).toEqual(["high", "p99", "latency"]);
    expect(wordsOf("PIIExposure in LLMGateway")).toEqual(["pii", "exposure", "in", "llm", "gateway"]);
    expect(wordsOf("fraud-scorer: cost_spike!")).toEqual(["fraud", "scorer", "cost", "spike"]);
  });
});

describe("firstKeywordMatch", () => {
  const rules = [
    { value: "a", keywords: ["drift"] },
    { value: "b", keywords: ["hallucinat", "drift"] },
  ];
  it("matches a keyword at the start of a word, first rule first", () => {
    expect(firstKeywordMatch("FeatureDrifting", rules)).toBe("a");
    expect(firstKeywordMatch("Hallucinations up", rules)).toBe("b");
    expect(firstKeywordMatch("adrift", rules)).toBeUndefined();
  });
});

describe("incidentKindOf", () => {
  it.each([
    ["LLM spend over budget", "cost"],
    ["Daily COST anomaly", "cost"],
    ["Toxicity filter bypassed", "safety"],
    ["Jailbreak prompts getting through", "safety"],
    ["PII in support answers", "safety"],
    ["Harmful advice reported", "safety"],
    ["Accuracy regression on gold panel", "quality_regression"],
    ["Hallucination rate doubled", "quality_regression"],
    ["Input drift on merchant_category", "quality_regression"],
    ["Quality score dropped", "quality_regression"],
    ["Scoring API returns 503", "outage"],
    ["Pharmacy recommender down", "outage"],
  ])("%s → %s", (title, kind) => {
    expect(incidentKindOf(title)).toBe(kind);
  });

  it("takes the first kind in table order when several match, and outage without a title", () => {
    expect(incidentKindOf("Cost of toxic-content filtering doubled")).toBe("cost");
    expect(incidentKindOf("Safety regression")).toBe("safety");
    expect(incidentKindOf(undefined)).toBe("outage");
  });
});

describe("deploymentIdIn", () => {
  it.each([
    ["Accuracy drop after deploy:fraud-2026.03.01-7", "fraud-2026.03.01-7"],
    ["Errors since DEPLOYMENT:svc/prod:v14", "svc/prod:v14"],
    ["Latency up since deployment d-1042.", "d-1042"],
    ["Rollback of Deployment   rel_2026_03_01 pending", "rel_2026_03_01"],
  ])("%s → %s", (text, id) => {
    expect(deploymentIdIn(text)).toBe(id);
  });

  it("finds nothing where no deployment is named", () => {
    expect(deploymentIdIn("Scoring API returns 503")).toBeUndefined();
    expect(deploymentIdIn("redeploy:x and deployments")).toBeUndefined();
    expect(deploymentIdIn(undefined)).toBeUndefined();
  });

  it("prefers the title to the details, and refuses an id longer than an id may be", () => {
    expect(deploymentIdIn("after deploy:a1", "deployment b2")).toBe("a1");
    expect(deploymentIdIn("no link here", "deployment b2")).toBe("b2");
    expect(deploymentIdIn(`deploy:${"x".repeat(600)}`)).toBeUndefined();
  });
});
