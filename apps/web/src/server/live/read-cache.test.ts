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
    clock = 1_001;
    expect(await cache.get("overview", load)).toBe(2);
    expect(await cache.get("other", load)).toBe(3);
  });

  it("reloads what was read at once on a clear, so the next read finds it fresh", async () => {
    const cache = createReadCache();
    let version = 1;
    let loads = 0;
    const load = async () => {
      loads += 1;
      return version;
    };
    expect(await cache.get("overview", load)).toBe(1);
    version = 2;
    cache.clear();
    expect(loads).toBe(2); // reloaded by the clear itself, before anyone asked
    expect(await cache.get("overview", load)).toBe(2);
    expect(loads).toBe(2);
    // Not read since that clear: the next clear does not reload it.
    cache.clear();
    cache.clear();
    expect(loads).toBe(3);
  });

  it("does not keep an answer whose load began before a clear, nor a failure", async () => {
    const cache = createReadCache();
    const releases: ((value: string) => void)[] = [];
    const slow = cache.get("overview", () => new Promise<string>((resolve) => releases.push(resolve)));
    cache.clear(); // reloads "overview" ahead (a second slow load), then nobody reads it again
    cache.clear();
    expect(releases).toHaveLength(2);
    for (const release of releases) release("old");
    expect(await slow).toBe("old");
    expect(await cache.get("overview", async () => "new")).toBe("new");
    await expect(cache.get("failing", async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    expect(await cache.get("failing", async () => "recovered")).toBe("recovered");
  });

  it("holds a bounded number of answers: expired ones go as others are read, and the oldest past the cap", async () => {
    let clock = 0;
    const cache = createReadCache(1_000, () => clock);
    const load = async () => "answer";
    for (let trendDays = 1; trendDays <= 40; trendDays += 1) await cache.get(`overview:${trendDays}`, load);
    expect(cache.size()).toBe(16);
    clock = 1_001;
    await cache.get("overview:30", load);
    expect(cache.size()).toBe(1);
  });
});
