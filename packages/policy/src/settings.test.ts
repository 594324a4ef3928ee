import { describe, expect, it } from "vitest";
import { z } from "zod";
import { policySettings } from "./settings.ts";

const parse = (env: Record<string, string>) => z.object(policySettings).safeParse(env);

describe("policySettings", () => {
  it("leaves MATURITY_POLICY unset by default: the built-in rubric", () => {
    expect(parse({})).toEqual({ success: true, data: {} });
  });

  it("takes a file path", () => {
    expect(parse({ MATURITY_POLICY: "policies/bank.yaml" }).data).toEqual({
      MATURITY_POLICY: "policies/bank.yaml",
    });
  });

  it("describes itself for docs/configuration.md", () => {
    expect(policySettings.MATURITY_POLICY.description).toContain("unset, the built-in rubric");
  });
});
