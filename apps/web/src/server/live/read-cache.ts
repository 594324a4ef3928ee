/**
 * Answers of whole-organisation reads (the org map) kept until the data under them changes: the
 * live feed clears the cache on every committed change, and entries expire after `ttlMs` anyway in
 * case a notice was missed (a dropped LISTEN connection). Many people looking at the same map then
 * cost one query per change, not one per page view.
 */
export interface ReadCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function createReadCache(ttlMs = 10_000, now: () => number = Date.now): ReadCache {
  const entries = new Map<string, { value: Promise<unknown>; expires: number }>();
  // A load that began before a clear must not be stored after it: it may have read old data.
  let generation = 0;
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry !== undefined && entry.expires > now()) return entry.value as Promise<T>;
      const started = generation;
      const value = load();
      entries.set(key, { value, expires: now() + ttlMs });
      value.then(
        () => {
          if (generation !== started && entries.get(key)?.value === value) entries.delete(key);
        },
        () => {
          if (entries.get(key)?.value === value) entries.delete(key);
        },
      );
      return value;
    },
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}
