import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache.ts";

describe("the read cache", () => {
  it("answers from memory until cleared or expired", async () => {
    let clock = 0;
    const cache = createReadCache(1_000, () => clock);
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.get("overview", load)).toBe(1);
    expect(await cache.get("overview", load)).toBe(1);
    cache.clear();
    expect(await cache.get("overview", load)).toBe(2);
    clock = 1_001;
    expect(await cache.get("overview", load)).toBe(3);
    expect(await cache.get("other", load)).toBe(4);
  });

  it("does not keep an answer whose load began before a clear, nor a failure", async () => {
    const cache = createReadCache();
    let release!: (value: string) => void;
    const slow = cache.get("overview", () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release("old");
    expect(await slow).toBe("old");
    expect(await cache.get("overview", async () => "new")).toBe("new");
    await expect(cache.get("failing", async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    expect(await cache.get("failing", async () => "recovered")).toBe("recovered");
  });
});
