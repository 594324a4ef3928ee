// A pack's own events.ndjson as a source, for the verifier: each pass re-reads it from the zip and
// checks every chain link on the way, stopping at the first line that does not hold.
import type { MaturityEvent } from "@maturity/model";
import { ChainFollower, parseEventLine } from "./events-file.ts";
import { packFiles } from "./manifest.ts";
import { PackRoles } from "./roles.ts";
import type { AuditSource, SourceEvent } from "./source.ts";
import { entryLines } from "./zip/read-zip.ts";

/** A verification failure: its message names the file and, where there is one, the line and event. */
export class PackProblem extends Error {}

export function packSource(
  zip: Uint8Array,
  expected: { systemId: string; nativeIds: readonly string[]; chain: { head: string; length: number } },
): AuditSource {
  const { systemId, nativeIds } = expected;
  const roles = new PackRoles(systemId, nativeIds);
  return {
    systemId,
    nativeIds,
    async *events(): AsyncGenerator<SourceEvent> {
      const chain = new ChainFollower();
      for await (const { text, number } of entryLines(zip, packFiles.events)) {
        const at = `${packFiles.events} line ${number}`;
        const parsed = parseEventLine(text);
        if (!parsed.ok) throw new PackProblem(`${at}: ${parsed.reason}`);
        const { event, hash, seq } = parsed.line;
        const envelope = envelopeIssue(event);
        if (envelope !== undefined) throw new PackProblem(`${at}: ${envelope}`);
        const name = `event ${event.source} / ${event.id}`;
        const role = roles.of(event);
        if (role === undefined)
          throw new PackProblem(
            `${at}: ${name} (subject ${event.subject}) does not belong to ${systemId}'s pack`,
          );
        if ((role === "chained") !== (hash !== undefined))
          throw new PackProblem(
            hash === undefined
              ? `${at}: ${name} is ${systemId}'s own event, but has no link of its hash chain`
              : `${at}: ${name} has a chain link, but ${systemId}'s chain holds only its own stored events`,
          );
        if (hash !== undefined) {
          const next = chain.length + 1;
          if (seq !== next)
            throw new PackProblem(
              `${at}: ${name} is link ${seq} of the chain where link ${next} should be: ` +
                (seq! > next
                  ? `${seq! - next === 1 ? `link ${next} was` : `links ${next}–${seq! - 1} were`} removed or moved further down`
                  : "the links are out of order"),
            );
          if (chain.link(event) !== hash)
            throw new PackProblem(
              `${at}: ${name} (link ${seq}) does not match its hash: the event was altered, or one before it was removed or moved`,
            );
        }
        yield hash === undefined ? { event } : { event, hash };
      }
      if (chain.length !== expected.chain.length || chain.head !== expected.chain.head)
        throw new PackProblem(
          `${packFiles.events}: the chain ends at link ${chain.length} (head ${chain.head}), but manifest.json ` +
            `records link ${expected.chain.length} (head ${expected.chain.head})` +
            (chain.length < expected.chain.length ? ": events were removed from its end" : ""),
        );
    },
  };
}

/** The envelope fields the pack reads, present and of the right kind (the store validated the rest). */
function envelopeIssue(event: MaturityEvent): string | undefined {
  const record = event as unknown as Record<string, unknown>;
  for (const field of ["id", "source", "type", "subject", "time"])
    if (typeof record[field] !== "string" || record[field] === "")
      return `the event has no ${field} (expected text)`;
  if (Number.isNaN(Date.parse(event.time))) return `the event's time is not a date-time: ${event.time}`;
  if (typeof record.data !== "object" || record.data === null) return "the event has no data object";
  return undefined;
}
