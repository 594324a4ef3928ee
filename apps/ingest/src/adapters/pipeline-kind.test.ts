import { describe, expect, it } from "vitest";
import { pipelineKindFromName } from "./pipeline-kind.ts";

describe("pipelineKindFromName", () => {
  it.each([
    ["Train model", "training"],
    ["nightly-retrain", "training"],
    ["train-and-deploy", "training"],
    ["Evaluate candidate", "evaluation"],
    ["llm-evals", "evaluation"],
    ["Data quality checks", "data_quality"],
    ["data-quality", "data_quality"],
    ["dq", "data_quality"],
    ["Deploy to prod", "deploy"],
    ["release", "deploy"],
    ["CI", "build"],
    ["constraint solver tests", "build"],
    [undefined, "build"],
  ] as const)("%s → %s", (name, kind) => {
    expect(pipelineKindFromName(name)).toBe(kind);
  });
});
