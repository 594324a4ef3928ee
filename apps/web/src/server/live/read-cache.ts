/**
 * Answers of whole-organisation reads (the org map) kept until the data under them changes: the
 * live feed clears the cache on every committed change, and entries expire after `ttlMs` anyway in
 * case a notice was missed (a dropped LISTEN connection). Many people looking at the same map then
 * cost one query per change, not one per page view. On a clear, the answers people were reading
 * are reloaded at once (refresh-ahead), so the next page view rarely waits for the database.
 */
export interface ReadCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  /** How many answers are held now (expired ones are dropped as others are read). */
  size(): number;
}

/** How many recently read answers a clear reloads ahead of the next request. */
const refreshAheadKeys = 8;
/** How many answers are kept at most: each may be a whole organisation (megabytes at 10,000 systems). */
const maxEntries = 16;

export function createReadCache(ttlMs = 10_000, now: () => number = Date.now): ReadCache {
  const entries = new Map<string, { value: Promise<unknown>; expires: number }>();
  // The loaders of answers read since the last clear, newest last.
  let readSinceClear = new Map<string, () => Promise<unknown>>();
  // A load that began before a clear must not be stored after it: it may have read old data.
  let generation = 0;

  function read<T>(key: string, load: () => Promise<T>): Promise<T> {
    readSinceClear.delete(key);
    readSinceClear.set(key, load);
    return fetchEntry(key, load);
  }

  function fetchEntry<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expires > now()) return entry.value as Promise<T>;
    // An expired answer is dropped, not kept until the next change; past the cap, the oldest goes.
    for (const [stale, { expires }] of entries) if (expires <= now()) entries.delete(stale);
    entries.delete(key);
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
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
  }

  return {
    get: read,
    size: () => entries.size,
    clear() {
      generation += 1;
      entries.clear();
      const reload = [...readSinceClear].slice(-refreshAheadKeys);
      readSinceClear = new Map();
      // Only what someone read since the last change is reloaded, so an answer nobody looks at
      // stops costing queries. A failed reload is dropped; the next request sees the error.
      for (const [key, load] of reload) void fetchEntry(key, load).catch(() => undefined);
    },
  };
}
