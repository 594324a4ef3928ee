import { describe, expect, it } from "vitest";
import { formatEntityProblem } from "./problems.ts";

describe("formatEntityProblem", () => {
  it("prints file:line:column, the ref and the reason", () => {
    expect(
      formatEntityProblem({
        file: "catalog-info.yaml",
        line: 12,
        column: 3,
        entityRef: "component:default/x",
        reason: "bad",
      }),
    ).toBe("catalog-info.yaml:12:3 component:default/x: bad");
  });

  it("leaves out what is unknown", () => {
    expect(formatEntityProblem({ file: "a.yaml", line: 4, reason: "bad" })).toBe("a.yaml:4: bad");
    expect(formatEntityProblem({ entityRef: "component:default/x", reason: "bad" })).toBe(
      "component:default/x: bad",
    );
    expect(formatEntityProblem({ reason: "bad" })).toBe("bad");
  });
});
