// The bench's raw limit: read every fact row of every system once (its time, and the length of
// its event id, which touches the id string), in the order scoreOrg visits the systems. Scoring
// that looks at all evidence cannot cost less than this on the same machine, so the ratio of a
// re-score to it says how far scoring is from the bare walk, whatever the machine's speed.
import { columnListNames as columnLists } from "../src/index.ts";
import type { Columns, OrgFacts, Rec, SystemFacts } from "../src/index.ts";

// Every columnar list of SystemFacts (the catalogue and tool catalogues, a handful of records per
// system, are left out; telemetry buckets are read below).

function readColumns(cols: Columns<Rec>): number {
  const { t, id } = cols;
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += (t[i] as number) + (id[i] as string).length;
  return sum;
}

function readBuckets(buckets: readonly { lastT: number; lastId: string }[]): number {
  let sum = 0;
  for (const b of buckets) sum += b.lastT + b.lastId.length;
  return sum;
}

/** Rows read, and a checksum so the reads cannot be optimized away. */
export function rawRead(facts: OrgFacts): { rows: number; checksum: number } {
  let rows = 0;
  let checksum = 0;
  for (const systemId of Object.keys(facts.systems).sort()) {
    const system = facts.systems[systemId] as SystemFacts;
    for (const name of columnLists) {
      const cols = system[name] as unknown as Columns<Rec>;
      rows += cols.t.length;
      checksum += readColumns(cols);
    }
    rows += system.llmCalls.length + system.agentRuns.length;
    checksum += readBuckets(system.llmCalls) + readBuckets(system.agentRuns);
  }
  return { rows, checksum };
}
