// A system's stored facts, brought to this build's fact layouts. Facts of another frame
// (`factsVersion`) are not trusted: a replay refolds them. Within the frame each kind of fact
// carries its own layout version (packages/scoring/src/facts/kinds/table.ts), and only the kinds
// whose version moved are refolded, from the system's stored events: its own and those of the
// native ids mapped to it. Every other kind is kept as stored.
import type { Database, StoredFacts, Transaction } from "@maturity/db";
import { eq, liveProjections, loadSystemFactsPage, storedEventsOfSubjects } from "@maturity/db";
import type { MaturityEvent } from "@maturity/model";
import { unmappedSubject } from "@maturity/model";
import type { SystemFacts } from "@maturity/scoring";
import { factsVersion, refoldKinds, staleKinds } from "@maturity/scoring";

const eventKey = (event: MaturityEvent) => `${event.source}\u0000${event.id}`;

/**
 * The stored facts of `systemId` with every kind at its current layout, and whether a kind had to
 * be refolded (the caller then saves them); undefined when there are none to trust. `folding`:
 * events the caller folds into them next (already in the store): left out of the refold.
 */
export async function currentFacts(
  tx: Transaction,
  systemId: string,
  stored: StoredFacts | undefined,
  folding: readonly MaturityEvent[] = [],
): Promise<{ facts: SystemFacts; refolded: boolean } | undefined> {
  if (stored === undefined || stored.factsVersion !== factsVersion) return undefined;
  const facts = stored.facts as SystemFacts;
  const stale = staleKinds(facts);
  if (stale.length === 0) return { facts, refolded: false };
  const { sourceMappings } = liveProjections;
  const mapped = await tx
    .select({ ref: sourceMappings.ref })
    .from(sourceMappings)
    .where(eq(sourceMappings.systemId, systemId));
  const history = await storedEventsOfSubjects(tx, [
    systemId,
    ...mapped.map(({ ref }) => unmappedSubject(ref)),
  ]);
  const skipped = new Set(folding.map(eventKey));
  const events = [...history.values()].flat().filter((event) => !skipped.has(eventKey(event)));
  refoldKinds(facts, stale, events);
  return { facts, refolded: true };
}

/**
 * Every system's facts at this build's layouts, a page at a time in id order, read without locking
 * (for readers that change nothing, such as a policy preview). Facts of another frame wait for a
 * replay: they are counted in `skipped` and left out.
 */
export async function* storedFactsPages(
  db: Database,
  skipped: { count: number } = { count: 0 },
  pageSize = 200,
): AsyncGenerator<{ systemId: string; facts: SystemFacts }[]> {
  let after = "";
  for (;;) {
    const rows = await loadSystemFactsPage(db, after, pageSize);
    if (rows.length === 0) return;
    after = rows.at(-1)!.systemId;
    const page = await db.transaction(async (tx) => {
      const current = [];
      for (const { systemId, stored } of rows) {
        const facts = await currentFacts(tx, systemId, stored);
        if (facts === undefined) skipped.count++;
        else current.push({ systemId, facts: facts.facts });
      }
      return current;
    });
    yield page;
    if (rows.length < pageSize) return;
  }
}
