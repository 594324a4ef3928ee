import { describe, expect, it } from "vitest";
import type { ImportSummary } from "./plan-import.ts";
import { renderImportSummary } from "./render-summary.ts";

const empty: ImportSummary = {
  registered: [],
  updated: [],
  retired: [],
  notRetired: [],
  unchanged: 0,
  notMlSystems: 0,
  riskTierAssumed: [],
  skipped: [],
};

describe("renderImportSummary", () => {
  it("prints the counts, each list, the skipped ones with their place, and the assumed risk tiers", () => {
    const text = renderImportSummary({
      registered: [
        { systemId: "fraud", entityRef: "component:default/fraud", file: "catalog-info.yaml", line: 2 },
        { systemId: "chat", entityRef: "component:default/chat" },
      ],
      updated: [
        { systemId: "ranker", entityRef: "component:default/ranker", file: "more/search.yaml", line: 1 },
      ],
      retired: [{ systemId: "old", entityRef: "component:default/old" }],
      notRetired: [],
      unchanged: 3,
      notMlSystems: 4,
      riskTierAssumed: ["chat", "ranker"],
      skipped: [
        {
          file: "catalog-info.yaml",
          line: 93,
          entityRef: "component:default/broken scorer",
          reason: '"metadata.name" is not valid',
        },
      ],
    });
    expect(text).toBe(
      [
        "2 registered, 1 updated, 1 retired, 3 unchanged, 1 skipped, 4 entities are not ML systems",
        "Registered:",
        "  fraud (component:default/fraud) catalog-info.yaml:2",
        "  chat (component:default/chat)",
        "Updated:",
        "  ranker (component:default/ranker) more/search.yaml:1",
        "Retired:",
        "  old (component:default/old)",
        "Skipped:",
        '  catalog-info.yaml:93 component:default/broken scorer: "metadata.name" is not valid',
        "2 systems have no maturity.dev/risk-tier annotation: minimal assumed (chat, ranker)",
      ].join("\n"),
    );
  });

  it("says what was not retired and why", () => {
    const text = renderImportSummary({
      ...empty,
      notRetired: [{ systemId: "fraud", entityRef: "component:default/fraud" }],
      skipped: [{ file: "a.yaml", line: 3, column: 5, reason: "YAML syntax: bad indentation" }],
    });
    expect(text).toContain("a.yaml:3:5: YAML syntax: bad indentation");
    expect(text).toContain(
      "Not retired while entities could not be read (fix the skipped ones and import again):\n  fraud (component:default/fraud)",
    );
  });

  it("prints just the counts when nothing happened, in the singular where it is one", () => {
    expect(renderImportSummary({ ...empty, unchanged: 1, notMlSystems: 1 })).toBe(
      "0 registered, 0 updated, 0 retired, 1 unchanged, 0 skipped, 1 entity is not an ML system",
    );
    expect(renderImportSummary({ ...empty, riskTierAssumed: ["a"] })).toContain(
      "1 system has no maturity.dev/risk-tier annotation: minimal assumed (a)",
    );
  });
});
