import { describe, expect, it } from "vitest";
import { namedOwner } from "./named-owner.ts";

describe("namedOwner", () => {
  it("keeps a real owner and drops the placeholders catalogues use for nobody", () => {
    expect(namedOwner("group:default/ml-platform")).toBe("group:default/ml-platform");
    expect(namedOwner("group:default/unassigned")).toBeUndefined();
    expect(namedOwner("user:payments/TBD")).toBeUndefined();
    expect(namedOwner("group:default/unknown-team")).toBe("group:default/unknown-team");
  });
});
