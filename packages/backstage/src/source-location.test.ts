import { describe, expect, it } from "vitest";
import { repoOfSourceLocation } from "./source-location.ts";

describe("repoOfSourceLocation", () => {
  it("reads owner/repo from a GitHub URL", () => {
    expect(repoOfSourceLocation("url:https://github.com/acme/fraud-scorer/tree/main/model")).toBe(
      "acme/fraud-scorer",
    );
    expect(repoOfSourceLocation("url:https://github.com/acme/fraud-scorer")).toBe("acme/fraud-scorer");
    expect(repoOfSourceLocation("url:https://github.com/acme/fraud-scorer.git")).toBe("acme/fraud-scorer");
    expect(repoOfSourceLocation("url:https://github.com/Acme/Fraud/blob/main/catalog-info.yaml")).toBe(
      "Acme/Fraud",
    );
  });

  it("reads the whole group path from a GitLab URL, up to /-/", () => {
    expect(repoOfSourceLocation("url:https://gitlab.com/acme/risk/fraud/-/tree/main/model")).toBe(
      "acme/risk/fraud",
    );
    expect(repoOfSourceLocation("url:https://gitlab.com/acme/risk/fraud")).toBe("acme/risk/fraud");
    expect(repoOfSourceLocation("url:https://git.acme.example/ml/ranker/-/blob/main/x.yaml")).toBe(
      "ml/ranker",
    );
    expect(repoOfSourceLocation("url:https://gitlab.acme.example/ml/ranker.git")).toBe("ml/ranker");
  });

  it("ignores anything else", () => {
    expect(repoOfSourceLocation("url:https://bitbucket.org/acme/fraud/src/main")).toBeUndefined();
    expect(repoOfSourceLocation("url:https://github.com/acme")).toBeUndefined();
    expect(repoOfSourceLocation("file:./catalog-info.yaml")).toBeUndefined();
    expect(repoOfSourceLocation("https://github.com/acme/fraud")).toBeUndefined();
    expect(repoOfSourceLocation("url:not a url")).toBeUndefined();
    expect(repoOfSourceLocation("")).toBeUndefined();
  });
});
