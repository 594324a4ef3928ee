import type { AxisChange, Database, Transaction } from "@maturity/db";
import {
  latestRescoreRequest,
  listSystemIdsWithFacts,
  loadSystemFactsForUpdate,
  lockPolicy,
  recordRescoreTick,
  rowsOf,
  saveSystemFacts,
  settleRescoreRequests,
  sql,
} from "@maturity/db";
import type { ActivePolicy } from "@maturity/policy";
import type { SystemFacts } from "@maturity/scoring";
import { factsVersion } from "@maturity/scoring";
import { policyInForce } from "../policy/policy-in-force.ts";
import type { ScoringSettings } from "./score-systems.ts";
import { scoreAndWrite } from "./score-systems.ts";
import { currentFacts } from "./stored-facts.ts";

const chunkSize = 200;

/**
 * Evidence ages out of the window even when nothing arrives, so every system is re-scored as of
 * `now` on a timer, under the policy in force, and the changes go to history like any other. One
 * worker at a time does it (an advisory lock); the tick's time is recorded so a replay re-scores
 * at the same instant. Owed re-scores recorded before it began are settled once it has finished,
 * not before.
 */
export async function rescoreAll(
  db: Database,
  now: number,
  settings: ScoringSettings = {},
): Promise<AxisChange[] | null> {
  const acquired = await db.transaction(async (tx) => {
    const result = await tx.execute(sql`select pg_try_advisory_xact_lock(7422002) as locked`);
    const rows = rowsOf<{ locked: boolean }>(result);
    if (!rows[0]?.locked) return false;
    await recordRescoreTick(tx, new Date(now).toISOString());
    return { owedUpTo: await latestRescoreRequest(tx) };
  });
  if (!acquired) return null;
  const systemIds = await listSystemIdsWithFacts(db);
  const changes: AxisChange[] = [];
  for (let start = 0; start < systemIds.length; start += chunkSize) {
    const chunk = systemIds.slice(start, start + chunkSize);
    changes.push(
      ...(await db.transaction(async (tx) => {
        await lockPolicy(tx, "read");
        return rescoreSystems(tx, chunk, now, settings, await policyInForce(tx));
      })),
    );
  }
  if (acquired.owedUpTo !== null) await settleRescoreRequests(db, acquired.owedUpTo);
  return changes;
}

/**
 * The re-score a newly activated policy owes every system, in the caller's transaction (the one
 * that applied the activation): history says "policy", caused by `activationId`.
 */
export async function rescoreForPolicy(
  tx: Transaction,
  now: number,
  settings: ScoringSettings,
  policy: ActivePolicy,
  activationId: string,
): Promise<AxisChange[]> {
  const systemIds = await listSystemIdsWithFacts(tx);
  const changes: AxisChange[] = [];
  // In chunks, so no more facts than a chunk's are in memory at once.
  for (let start = 0; start < systemIds.length; start += chunkSize) {
    const chunk = systemIds.slice(start, start + chunkSize);
    changes.push(...(await rescoreSystems(tx, chunk, now, settings, policy, activationId)));
  }
  return changes;
}

/** Re-scores these systems from their stored facts: for time passing, or for `activationId`. */
async function rescoreSystems(
  tx: Transaction,
  systemIds: readonly string[],
  now: number,
  settings: ScoringSettings,
  policy: ActivePolicy,
  activationId?: string,
): Promise<AxisChange[]> {
  const stored = await loadSystemFactsForUpdate(tx, systemIds);
  const systems: { systemId: string; facts: SystemFacts; causeEventId: string | null }[] = [];
  const refolded: { systemId: string; factsVersion: number; facts: SystemFacts }[] = [];
  for (const [systemId, entry] of stored) {
    // Facts of an older frame wait for a replay; kinds of an older layout are refolded.
    const current = await currentFacts(tx, systemId, entry);
    if (current === undefined) continue;
    systems.push({ systemId, facts: current.facts, causeEventId: activationId ?? null });
    if (current.refolded) refolded.push({ systemId, factsVersion, facts: current.facts });
  }
  await saveSystemFacts(tx, refolded);
  return scoreAndWrite(tx, systems, now, settings, policy, activationId !== undefined);
}
