// One import of Backstage entities into the catalogue: what earlier imports from the same
// catalogue left (read from the event store), the plan against it, and the plan's events on the
// log. The portal's import route and the periodic catalogue pull both run it.
import {
  importSource,
  planBackstageImport,
  type BackstageMappingOptions,
  type EntityProblem,
  type ImportPlan,
  type LocatedEntity,
} from "@maturity/backstage";
import { importedSystems, type Database } from "@maturity/db";
import type { LogRecord } from "@maturity/log";

export interface BackstageImportRequest {
  entities: LocatedEntity[];
  /** What could not be read before (unreadable files): listed as skipped, and they hold back retirement. */
  problems?: EntityProblem[];
  /** Which catalogue: its API's URL, or the name an import of files goes by. */
  location: string;
  /** Retire the systems earlier imports from this location made whose entity is gone. */
  retireMissing: boolean;
  /** Plan only: nothing is appended. */
  dryRun: boolean;
  /** Who asked (a CloudEvents extension attribute on every event, as the portal's admin actions carry). */
  actor: string;
  now: Date;
  options?: BackstageMappingOptions;
}

export interface BackstageImportDeps {
  db: Database;
  appendToLog: (records: LogRecord[]) => Promise<void>;
}

/** The plan against what earlier imports from the request's location left in the store. */
export async function planStoredImport(
  db: Database,
  request: Omit<BackstageImportRequest, "dryRun" | "actor">,
): Promise<ImportPlan> {
  const known = await importedSystems(db, importSource(request.location));
  return planBackstageImport({
    entities: request.entities,
    ...(request.problems !== undefined && { problems: request.problems }),
    known,
    location: request.location,
    retireMissing: request.retireMissing,
    now: request.now,
    ...(request.options !== undefined && { options: request.options }),
  });
}

export async function runBackstageImport(
  deps: BackstageImportDeps,
  request: BackstageImportRequest,
): Promise<ImportPlan> {
  const plan = await planStoredImport(deps.db, request);
  if (!request.dryRun && plan.events.length > 0) {
    // Once on the log they are durable; a retry of the same import gives the same ids (deduped).
    await deps.appendToLog(
      plan.events.map((event) => ({
        key: event.subject,
        value: JSON.stringify({ ...event, actor: request.actor }),
      })),
    );
  }
  return plan;
}
