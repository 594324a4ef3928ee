import { describe, expect, it } from "vitest";
import { originRefusal } from "./origin.ts";

describe("who may call /mcp from a browser", () => {
  it("lets clients that send no Origin through (they are no browser page)", () => {
    expect(originRefusal(undefined, "maturity.acme.example", undefined)).toBeUndefined();
  });

  it("lets the portal's public origin through, whatever path the public URL has", () => {
    const publicUrl = "https://maturity.acme.example/portal";
    expect(originRefusal("https://maturity.acme.example", "10.0.0.5:3000", publicUrl)).toBeUndefined();
    expect(originRefusal("http://maturity.acme.example", "10.0.0.5:3000", publicUrl)).toContain(
      "https://maturity.acme.example",
    );
  });

  it("lets the portal's own page on this machine through, and no other local page", () => {
    expect(originRefusal("http://localhost:3000", "localhost:3000", undefined)).toBeUndefined();
    expect(originRefusal("http://127.0.0.1:3000", "127.0.0.1:3000", undefined)).toBeUndefined();
    expect(originRefusal("http://[::1]:3000", "[::1]:3000", undefined)).toBeUndefined();
    expect(originRefusal("http://localhost:8080", "localhost:3000", undefined)).toBeDefined();
  });

  it("refuses a rebound name even though Host and Origin agree, and opaque or broken origins", () => {
    expect(originRefusal("http://evil.example:3000", "evil.example:3000", undefined)).toContain(
      "http://evil.example:3000",
    );
    expect(originRefusal("null", "localhost:3000", undefined)).toBeDefined();
    expect(originRefusal("not a url", "localhost:3000", undefined)).toBeDefined();
  });
});
