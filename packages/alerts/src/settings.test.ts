import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alertSettings } from "./settings.ts";

const parse = (env: Record<string, string>) => z.object(alertSettings).safeParse(env);

describe("alertSettings", () => {
  it("leaves MATURITY_ALERTS unset by default: no alerts", () => {
    expect(parse({})).toEqual({ success: true, data: {} });
  });

  it("takes a file path", () => {
    expect(parse({ MATURITY_ALERTS: "alerts.yaml" }).data).toEqual({ MATURITY_ALERTS: "alerts.yaml" });
  });

  it("describes itself for docs/configuration.md", () => {
    expect(alertSettings.MATURITY_ALERTS.description).toContain("unset, no alerts are decided or sent");
  });
});
