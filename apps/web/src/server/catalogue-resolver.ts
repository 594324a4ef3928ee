import type { Database } from "@maturity/db";
import { listSourceMappings } from "@maturity/db";
import { formatNativeId } from "@maturity/model";
import type { ResolveSystem } from "@maturity/ingest";

/**
 * Resolves native ids (repos, registry models, services, GPU queues) to systems from the
 * catalogue's mappings, re-read at most every `maxAgeMs`. A miss is harmless: ingest then sends
 * the event as unmapped and the worker re-addresses it once the mapping is known.
 */
export function catalogueResolver(db: Database, maxAgeMs = 5_000): ResolveSystem {
  let mappings = new Map<string, string>();
  let loadedAt = 0;
  let loading: Promise<void> | undefined;
  return async (ref) => {
    if (Date.now() - loadedAt > maxAgeMs) {
      loading ??= listSourceMappings(db)
        .then((fresh) => {
          mappings = fresh;
          loadedAt = Date.now();
        })
        .finally(() => {
          loading = undefined;
        });
      await loading;
    }
    return mappings.get(formatNativeId(ref));
  };
}
