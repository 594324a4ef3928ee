import { describe, expect, it } from "vitest";
import { contentHash, type ImportedContent } from "./content-hash.ts";

const content: ImportedContent = {
  name: "Fraud scorer",
  team: "payments",
  kind: "classical",
  riskTier: "high",
  description: "Scores card payments",
  sources: { repos: ["acme/fraud"], services: ["P123"] },
  owner: "group:default/ml-platform",
};

describe("contentHash", () => {
  it("is 32 hex digits, whatever the key order", () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as unknown as ImportedContent;
    expect(contentHash(content)).toMatch(/^[0-9a-f]{32}$/);
    expect(contentHash(reordered)).toBe(contentHash(content));
  });

  it("changes with every imported field", () => {
    const hash = contentHash(content);
    const changes: Partial<ImportedContent>[] = [
      { name: "Fraud" },
      { team: "risk" },
      { kind: "llm" },
      { riskTier: "limited" },
      { description: undefined },
      { sources: { repos: ["acme/fraud"] } },
      { owner: "group:default/risk" },
    ];
    for (const change of changes) expect(contentHash({ ...content, ...change })).not.toBe(hash);
  });

  it("ignores fields that are not imported", () => {
    expect(contentHash({ ...content, file: "x.yaml" } as ImportedContent)).toBe(contentHash(content));
  });
});
