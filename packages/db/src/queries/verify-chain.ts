import { and, asc, eq, gt, or } from "drizzle-orm";
import { chainHash, genesisHash } from "@maturity/model/chain";
import type { Database } from "../client.ts";
import { chainHeads, events } from "../schema/events.ts";

export interface BrokenLink {
  systemId: string;
  systemSeq: number;
  eventId: string;
  source: string;
  reason: string;
}

export interface ChainVerification {
  systems: number;
  events: number;
  /** The first broken link, in (system, position) order; absent when every chain holds. */
  broken?: BrokenLink;
}

const pageSize = 5_000;

/**
 * Recomputes every link of the per-system hash chains (or one system's) and compares it with what
 * is stored, and each chain's end with its recorded head. Stops at the first broken link.
 */
export async function verifyChain(
  db: Database,
  options: { systemId?: string; onProgress?: (checked: number) => void } = {},
): Promise<ChainVerification> {
  let systems = 0;
  let checked = 0;
  let current: { systemId: string; systemSeq: number; hash: string } | undefined;
  let cursor: { systemId: string; systemSeq: number } | undefined;

  const endOfChain = async (link: NonNullable<typeof current>): Promise<BrokenLink | undefined> => {
    const [head] = await db.select().from(chainHeads).where(eq(chainHeads.systemId, link.systemId));
    if (head && head.systemSeq === link.systemSeq && head.hash === link.hash) return undefined;
    return {
      systemId: link.systemId,
      systemSeq: link.systemSeq,
      eventId: "",
      source: "",
      reason: `the chain ends at position ${link.systemSeq} but its recorded head is at ${head?.systemSeq ?? "nothing"}: events after it were removed`,
    };
  };

  for (;;) {
    const page = await db
      .select()
      .from(events)
      .where(
        and(
          options.systemId === undefined ? undefined : eq(events.systemId, options.systemId),
          cursor === undefined
            ? undefined
            : or(
                gt(events.systemId, cursor.systemId),
                and(eq(events.systemId, cursor.systemId), gt(events.systemSeq, cursor.systemSeq)),
              ),
        ),
      )
      .orderBy(asc(events.systemId), asc(events.systemSeq))
      .limit(pageSize);
    for (const row of page) {
      if (current === undefined || current.systemId !== row.systemId) {
        if (current !== undefined) {
          const broken = await endOfChain(current);
          if (broken) return { systems, events: checked, broken };
        }
        systems += 1;
        current = { systemId: row.systemId, systemSeq: 0, hash: genesisHash };
      }
      const link = {
        systemId: row.systemId,
        systemSeq: row.systemSeq,
        eventId: row.eventId,
        source: row.source,
      };
      if (row.systemSeq !== current.systemSeq + 1) {
        return {
          systems,
          events: checked,
          broken: { ...link, reason: `position ${current.systemSeq + 1} is missing: an event was removed` },
        };
      }
      // A link's hash covers the stored hash of the link before it, so a link whose hash was
      // rewritten to fit altered content breaks the next one.
      if (chainHash(current.hash, row.payload) !== row.hash) {
        return {
          systems,
          events: checked,
          broken: {
            ...link,
            reason:
              "its content no longer matches its hash: the event was altered (or the hash of the link before it)",
          },
        };
      }
      current = { systemId: row.systemId, systemSeq: row.systemSeq, hash: row.hash };
      checked += 1;
    }
    options.onProgress?.(checked);
    if (page.length < pageSize) break;
    const last = page[page.length - 1]!;
    cursor = { systemId: last.systemId, systemSeq: last.systemSeq };
  }
  if (current !== undefined) {
    const broken = await endOfChain(current);
    if (broken) return { systems, events: checked, broken };
  }
  return { systems, events: checked };
}
