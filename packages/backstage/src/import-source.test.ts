import { keyLengths } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { importLocation, importSource } from "./import-source.ts";

describe("importSource", () => {
  it("is backstage: and the location", () => {
    expect(importSource("https://backstage.acme.example")).toBe("backstage:https://backstage.acme.example");
    expect(importSource("./catalog")).toBe("backstage:./catalog");
  });

  it("hashes a location too long for a source, keeping long locations apart", () => {
    const long = `https://backstage.acme.example/${"x".repeat(600)}`;
    const other = `${long}y`;
    expect(importSource(long).length).toBeLessThanOrEqual(keyLengths.source);
    expect(importLocation(long)).toMatch(/^https:\/\/backstage\.acme\.example\/x+#sha256:[0-9a-f]{64}$/);
    expect(importSource(other)).not.toBe(importSource(long));
    expect(importSource(long)).toBe(importSource(long));
  });

  it("keeps a location that just fits", () => {
    const fits = "x".repeat(keyLengths.source - "backstage:".length);
    expect(importSource(fits)).toBe(`backstage:${fits}`);
    expect(importLocation(`${fits}x`)).not.toBe(`${fits}x`);
  });

  it("refuses an empty location", () => {
    expect(() => importSource("")).toThrow(/needs a location/);
  });
});
