// Reads behind the policy router (and the point-in-time views): the policy in force with its
// activation, the policy that was in force at a past time, and every system's stored facts for a
// preview, read without locking. Built on @maturity/db's exports; see the router for what uses them.
import type { Database, StoredPolicy } from "@maturity/db";
import {
  desc,
  eq,
  liveProjections,
  loadPolicyInForce,
  policyInForceHash,
  loadQueueFacts,
  sql,
  storedEventsOfSubjects,
} from "@maturity/db";
import { events } from "@maturity/db/schema";
import { policySubject, unmappedSubject } from "@maturity/model";
import type { ActivePolicy, PolicyPreview } from "@maturity/policy";
import { activePolicyFromDocument, builtinPolicy, formatPolicyErrors, previewPolicy } from "@maturity/policy";
import type { QueueFacts, SystemFacts } from "@maturity/scoring";
import { factsVersion, refoldKinds, staleKinds } from "@maturity/scoring";
import { TRPCError } from "@trpc/server";

// Resolving a document checks it whole; its content hash names it, so once per content is enough.
const resolved = new Map<string, ActivePolicy>();

function resolveDocument(document: unknown, contentHash: string, what: string): ActivePolicy {
  const known = resolved.get(contentHash);
  if (known !== undefined) return known;
  const result = activePolicyFromDocument(document, what);
  if (!result.ok)
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `${what} does not resolve with this version of the platform: ${formatPolicyErrors(result.errors)}`,
    });
  if (resolved.size >= 8) resolved.delete(resolved.keys().next().value!);
  resolved.set(contentHash, result.policy);
  return result.policy;
}

/** The policy in force and the activation that put it there (null: the built-in rubric, never activated). */
export async function loadInForce(
  db: Database,
): Promise<{ policy: ActivePolicy; stored: StoredPolicy | null }> {
  const stored = await loadPolicyInForce(db);
  if (stored === null) return { policy: builtinPolicy(), stored: null };
  return {
    policy: resolveDocument(stored.document, stored.contentHash, `the policy in force (${stored.name})`),
    stored,
  };
}

/** Just the policy in force: a read of its hash, and of its document only when not seen before. */
export async function policyInForceNow(db: Database): Promise<ActivePolicy> {
  const hash = await policyInForceHash(db);
  if (hash === null) return builtinPolicy();
  return resolved.get(hash) ?? (await loadInForce(db)).policy;
}

/**
 * The policy in force at `asOf`: the document of the latest stored policy.activated event at or
 * before it (the worker stores only activations that resolve), else the built-in rubric.
 */
export async function policyAsOf(db: Database, asOf: string): Promise<ActivePolicy> {
  const [row] = await db
    .select({ payload: events.payload })
    .from(events)
    // The subject is the stored system id: the (system, time) index finds them.
    .where(
      sql`${events.systemId} = ${policySubject} and ${events.type} = 'policy.activated' and ${events.time} <= ${asOf}`,
    )
    .orderBy(desc(events.time), desc(events.seq))
    .limit(1);
  if (row === undefined) return builtinPolicy();
  const payload = (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as {
    id: string;
    data: { contentHash: string; document: unknown };
  };
  return resolveDocument(
    payload.data.document,
    payload.data.contentHash,
    `the policy activated by ${payload.id}`,
  );
}

const chunkSize = 200;

/**
 * Every system's stored facts, a chunk at a time in system id order, read without locking (a
 * preview changes nothing). Facts of an older frame wait for a replay and are counted as skipped;
 * kinds of an older layout are refolded in memory from the stored events, as the worker would.
 */
async function* storedFactsChunks(
  db: Database,
  skipped: { count: number },
): AsyncGenerator<{ facts: SystemFacts }[]> {
  const { systemFacts, sourceMappings } = liveProjections;
  let after = "";
  for (;;) {
    const rows = await db
      .select()
      .from(systemFacts)
      .where(sql`${systemFacts.systemId} > ${after}`)
      .orderBy(systemFacts.systemId)
      .limit(chunkSize);
    if (rows.length === 0) return;
    after = rows.at(-1)!.systemId;
    const chunk: { facts: SystemFacts }[] = [];
    for (const row of rows) {
      if (row.factsVersion !== factsVersion) {
        skipped.count++;
        continue;
      }
      const facts = row.facts as SystemFacts;
      const stale = staleKinds(facts);
      if (stale.length > 0) {
        const history = await db.transaction(async (tx) => {
          const mapped = await tx
            .select({ ref: sourceMappings.ref })
            .from(sourceMappings)
            .where(eq(sourceMappings.systemId, row.systemId));
          return storedEventsOfSubjects(tx, [row.systemId, ...mapped.map(({ ref }) => unmappedSubject(ref))]);
        });
        refoldKinds(facts, stale, [...history.values()].flat());
      }
      chunk.push({ facts });
    }
    yield chunk;
    if (rows.length < chunkSize) return;
  }
}

/**
 * packages/policy's preview over every stored system: what activating `to` instead of `from` would
 * do to the scores as of `asOf`. Scored a chunk at a time (memory stays flat), the parts merged.
 */
export async function previewStoredSystems(
  db: Database,
  from: ActivePolicy,
  to: ActivePolicy,
  asOf: number,
): Promise<{ preview: PolicyPreview; systems: number; skipped: number }> {
  const queues = (await loadQueueFacts(db)) as Record<string, QueueFacts>;
  const skipped = { count: 0 };
  const parts: PolicyPreview[] = [];
  let systems = 0;
  for await (const chunk of storedFactsChunks(db, skipped)) {
    parts.push(previewPolicy({ systems: chunk, queues, asOf, from, to, onProgress: () => systems++ }));
  }
  return { preview: mergePreviews(parts, asOf, from, to), systems, skipped: skipped.count };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The previews of disjoint sets of systems as one: the same order and counts as a single run. */
export function mergePreviews(
  parts: readonly PolicyPreview[],
  asOf: number,
  from: ActivePolicy,
  to: ActivePolicy,
): PolicyPreview {
  const teams = new Map<string, PolicyPreview["teams"][number]>();
  const criteria = new Map<string, number>();
  const changes: PolicyPreview["changes"] = [];
  for (const part of parts) {
    changes.push(...part.changes);
    for (const team of part.teams) {
      const key = `${team.team}\u0000${team.track}`;
      const sum = teams.get(key) ?? { team: team.team, track: team.track, up: 0, down: 0 };
      sum.up += team.up;
      sum.down += team.down;
      teams.set(key, sum);
    }
    for (const { criterionId, systems } of part.criteria)
      criteria.set(criterionId, (criteria.get(criterionId) ?? 0) + systems);
  }
  // Each part is sorted already (system, then axis in report order): a stable sort by system
  // keeps each system's axes in that order (the database's collation may order ids otherwise).
  const ordered = changes.sort((a, b) => compare(a.systemId, b.systemId));
  return {
    asOf: new Date(asOf).toISOString(),
    from: from.rubricVersion,
    to: to.rubricVersion,
    changes: ordered,
    teams: [...teams.values()].sort((a, b) => compare(a.team, b.team) || compare(a.track, b.track)),
    criteria: [...criteria]
      .map(([criterionId, systems]) => ({ criterionId, systems }))
      .sort((a, b) => b.systems - a.systems || compare(a.criterionId, b.criterionId)),
  };
}
