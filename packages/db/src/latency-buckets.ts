/**
 * Fixed log-scale latency buckets: bucket i holds latencies in [base^(i-1), base^i) ms (bucket 0:
 * under 1 ms). With base 2^(1/4) each bucket spans ~19%, so a percentile read from the buckets is
 * within ~10% of the true value — and histograms merge by adding counts, hour into day into month.
 */
const base = 2 ** 0.25;
const logBase = Math.log(base);
/** 2^(127/4) ms is ~100 years: every real latency fits. */
export const latencyBucketCount = 128;

export function latencyBucketIndex(latencyMs: number): number {
  if (!(latencyMs >= 1)) return 0;
  return Math.min(latencyBucketCount - 1, Math.floor(Math.log(latencyMs) / logBase) + 1);
}

/** The upper bound of a bucket, in ms: the value a percentile falling in it is reported as. */
export function latencyBucketUpperMs(index: number): number {
  return base ** index;
}

export function addToBuckets(buckets: number[], latencyMs: number): void {
  const index = latencyBucketIndex(latencyMs);
  while (buckets.length <= index) buckets.push(0);
  buckets[index]! += 1;
}

export function mergeBuckets(into: number[], from: readonly number[]): number[] {
  while (into.length < from.length) into.push(0);
  from.forEach((count, index) => {
    into[index]! += count;
  });
  return into;
}

/** The q-quantile (0 < q ≤ 1) of a histogram, or null when it is empty. */
export function bucketPercentile(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let index = 0; index < buckets.length; index += 1) {
    seen += buckets[index]!;
    if (seen >= rank) return latencyBucketUpperMs(index);
  }
  return latencyBucketUpperMs(buckets.length - 1);
}

/**
 * A histogram as stored: bucket index → count, empty buckets left out. An hour of one feature
 * usually holds a few calls, so the dense form would be mostly zeros (4 bytes each, up to 128).
 */
export type StoredBuckets = Record<string, number>;

export function toStoredBuckets(buckets: readonly number[]): StoredBuckets {
  const stored: StoredBuckets = {};
  buckets.forEach((count, index) => {
    if (count !== 0) stored[index] = count;
  });
  return stored;
}

export function fromStoredBuckets(stored: StoredBuckets): number[] {
  const buckets: number[] = [];
  for (const [index, count] of Object.entries(stored)) {
    while (buckets.length <= Number(index)) buckets.push(0);
    buckets[Number(index)] = count;
  }
  return buckets;
}
