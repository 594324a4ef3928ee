// The first pass over a source: fold what bears on the system as of asOf (for its score), note what
// a person wants to know (owner, model versions, evaluations), and find where its chain is cut.
import { createHash } from "node:crypto";
import type { OrgFacts } from "@maturity/scoring";
import { evolve, initialFacts } from "@maturity/scoring";
import { DossierCollector, type Dossier } from "./dossier.ts";
import { PackRoles } from "./roles.ts";
import type { AuditSource, SourceEvent } from "./source.ts";

export interface FoldedPack {
  /** The system's facts and every GPU queue's, folded from the events at or before asOf. */
  facts: OrgFacts;
  dossier: Dossier;
  /** Links of the system's chain up to its last chained event at or before asOf. */
  chainLength: number;
  /**
   * SHA-256 (hex) over the identity (source, id) of every event at or before asOf in the order the
   * source gave them: names the inputs before events.ndjson is written (the BOM's serial number).
   */
  inputDigest: string;
}

/** Drops a repeated (source, id), as the event store does; the rest pass in order. */
export class FirstOfEach {
  private readonly seen = new Set<string>();
  isFirst(event: { source: string; id: string }): boolean {
    const key = `${event.source}\u0000${event.id}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

export async function foldPass(
  source: Pick<AuditSource, "systemId" | "nativeIds" | "distinct" | "events">,
  asOf: number,
): Promise<FoldedPack> {
  const roles = new PackRoles(source.systemId, source.nativeIds);
  const facts = initialFacts();
  const dossier = new DossierCollector();
  const digest = createHash("sha256");
  const firsts = source.distinct === true ? null : new FirstOfEach();
  let chained = 0;
  let chainLength = 0;
  for await (const { event } of source.events() as AsyncIterable<SourceEvent>) {
    const role = roles.of(event);
    if (role === undefined || (firsts !== null && !firsts.isFirst(event))) continue;
    if (role === "chained") chained += 1;
    const t = Date.parse(event.time);
    if (!(t <= asOf)) continue;
    if (role === "chained") chainLength = chained;
    digest.update(`${event.source}\u0000${event.id}\n`);
    const folded = roles.folded(event, role);
    // Each event is new here (FirstOfEach), so the fold need not remember what it has seen.
    evolve(facts, folded, { assumeNew: true });
    if (role !== "gpu-queue") dossier.add(folded, t);
  }
  return { facts, dossier: dossier.result(), chainLength, inputDigest: digest.digest("hex") };
}
