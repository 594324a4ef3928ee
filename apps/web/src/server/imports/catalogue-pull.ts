// MATURITY_BACKSTAGE_URL: the platform reads the Backstage catalogue API every interval and imports
// what changed. One pull at a time; a failed pull is logged and tried again at the next interval
// (nothing is half applied: the import's events are appended together or not at all).
import { fetchCatalogueEntities, type BackstageSyncConfig } from "@maturity/backstage";
import type { FastifyBaseLogger } from "fastify";
import { runBackstageImport, type BackstageImportDeps } from "./backstage-import.ts";

export interface CataloguePull {
  /** Runs one pull now (also what the timer runs); resolves with what it did. */
  pullNow(): Promise<PullOutcome>;
  /** No more pulls; resolves once the one under way (if any) has finished. */
  stop(): Promise<void>;
}

export type PullOutcome =
  | { ok: true; registered: number; updated: number; retired: number; skipped: number }
  | { ok: false; error: string };

/** The actor the pull's events carry: no person asked, the configuration did. */
export const cataloguePullActor = "backstage-pull";

export function startCataloguePull(
  deps: BackstageImportDeps & { logger: FastifyBaseLogger; clock?: () => Date },
  config: BackstageSyncConfig,
): CataloguePull {
  const clock = deps.clock ?? (() => new Date());
  let running: Promise<PullOutcome> | undefined;

  async function pull(): Promise<PullOutcome> {
    try {
      const entities = await fetchCatalogueEntities({
        baseUrl: config.url,
        ...(config.token !== undefined && { token: config.token }),
      });
      const plan = await runBackstageImport(deps, {
        entities: entities.map((entity) => ({ entity })),
        location: config.url,
        retireMissing: true,
        dryRun: false,
        actor: cataloguePullActor,
        now: clock(),
        options: config.options,
      });
      const { summary } = plan;
      const outcome = {
        ok: true as const,
        registered: summary.registered.length,
        updated: summary.updated.length,
        retired: summary.retired.length,
        skipped: summary.skipped.length,
      };
      deps.logger.info(
        { ...outcome, url: config.url, unchanged: summary.unchanged },
        "backstage catalogue pulled",
      );
      for (const problem of summary.skipped)
        deps.logger.warn(
          { entityRef: problem.entityRef, reason: problem.reason },
          "backstage entity skipped",
        );
      return outcome;
    } catch (error) {
      deps.logger.error(
        { err: error, url: config.url },
        "backstage catalogue pull failed; trying again at the next interval",
      );
      return { ok: false, error: (error as Error).message };
    }
  }

  const pullNow = () => {
    running ??= pull().finally(() => {
      running = undefined;
    });
    return running;
  };
  void pullNow();
  const timer = setInterval(() => void pullNow(), config.intervalMs);
  timer.unref();
  return {
    pullNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
