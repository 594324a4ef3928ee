// The second pass over a source: write events.ndjson. The system's chain is followed link by link
// as the store computes it (checking each stored hash when the source has them) up to the cut the
// first pass found; the other events at or before asOf follow the order the source gives.
import { ChainFollower, eventLine } from "./events-file.ts";
import { EvidenceCollector, type EvidenceEvent } from "./evidence.ts";
import { FirstOfEach } from "./fold-pass.ts";
import { PackRoles } from "./roles.ts";
import type { AuditSource, SourceEvent } from "./source.ts";
import { EventsTally, type EventsSummary } from "./tally.ts";
import type { EntryStream } from "./zip/write-zip.ts";

export interface WrittenEvents {
  sha256: string;
  summary: EventsSummary;
  chain: { head: string; length: number; hashes: "stored" | "computed" };
  evidence: Map<string, EvidenceEvent>;
}

export class StoredChainError extends Error {}

export async function writeEventsPass(
  stream: EntryStream,
  source: Pick<AuditSource, "systemId" | "nativeIds" | "distinct" | "events">,
  cut: { asOf: number; chainLength: number; cited: ReadonlySet<string> },
): Promise<WrittenEvents> {
  const { systemId } = source;
  const roles = new PackRoles(systemId, source.nativeIds);
  const firsts = source.distinct === true ? null : new FirstOfEach();
  const chain = new ChainFollower();
  const tally = new EventsTally(cut.asOf);
  const evidence = new EvidenceCollector(cut.cited);
  let storedHashes = 0;
  for await (const { event, hash } of source.events() as AsyncIterable<SourceEvent>) {
    const role = roles.of(event);
    if (role === undefined || (firsts !== null && !firsts.isFirst(event))) continue;
    let line: string;
    if (role === "chained") {
      if (chain.length >= cut.chainLength) continue;
      const computed = chain.link(event);
      if (hash !== undefined) {
        if (hash !== computed)
          throw new StoredChainError(
            `the stored hash chain of ${systemId} does not hold at link ${chain.length} ` +
              `(event ${event.source} / ${event.id}): its stored hash is not the hash of its content and the ` +
              `link before it. No pack is made over a broken chain; run maturity verify-chain --system ${systemId}.`,
          );
        storedHashes += 1;
      }
      line = eventLine({ event, hash: computed, seq: chain.length });
    } else {
      if (!(Date.parse(event.time) <= cut.asOf)) continue;
      line = eventLine({ event });
    }
    await stream.write(line);
    tally.add(event, role === "chained");
    evidence.add(event);
  }
  const sha256 = await stream.end();
  if (chain.length !== cut.chainLength)
    throw new Error(
      `the events of ${systemId} changed between the two passes over them (${cut.chainLength} chain links, then ${chain.length})`,
    );
  return {
    sha256,
    summary: tally.result(),
    chain: {
      head: chain.head,
      length: chain.length,
      hashes: chain.length > 0 && storedHashes === chain.length ? "stored" : "computed",
    },
    evidence: evidence.result(),
  };
}
