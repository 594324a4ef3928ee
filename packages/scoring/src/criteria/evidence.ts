import { evidenceIdCap } from "@maturity/model";
import { rowAt, viewSize, type View } from "../views/view.ts";

/** Up to `evidenceIdCap` ids, newest first, and how many distinct events were looked at. */
export interface Evidence {
  ids: string[];
  count: number;
}

/**
 * Collects evidence while walking records newest first. Records sharing an id (the tools of one
 * catalogue, the two halves of a telemetry bucket) sit next to each other, so comparing with the
 * previous id is enough to count distinct events.
 */
export class EvidenceCollector {
  // Room for exactly the ids kept: no growth while collecting (see `result`).
  private readonly kept = new Array<string>(evidenceIdCap);
  private keptCount = 0;
  count = 0;
  private previous: string | undefined;
  // Results given out so far: an equal result is shared instead of copied again.
  private readonly given: Evidence[] = [];

  /** Empties the collector for the next rule (one collector serves a whole system's scoring). */
  reset(): this {
    this.keptCount = 0;
    this.count = 0;
    this.previous = undefined;
    return this;
  }

  add(id: string): void {
    if (id === this.previous) return;
    this.previous = id;
    this.count += 1;
    if (this.keptCount < evidenceIdCap) this.kept[this.keptCount++] = id;
  }

  /** Every row of the view, newest first. */
  addView(view: View): this {
    for (let k = viewSize(view) - 1; k >= 0; k--) this.add(view.cols.id[rowAt(view, k)] as string);
    return this;
  }

  addIds(ids: readonly string[]): this {
    for (let i = ids.length - 1; i >= 0; i--) this.add(ids[i] as string);
    return this;
  }

  // The report keeps these arrays for the whole scoring: copied to their exact length, since an
  // array grown by push keeps room for 16–40 ids, which the garbage collector then copies around.
  // Criteria often cite the same events (every deploy, every run of a pipeline): a result equal
  // to one given out before is that one, shared read-only, so the report keeps it once.
  result(): Evidence {
    for (const known of this.given) if (this.equals(known)) return known;
    const evidence = { ids: this.kept.slice(0, this.keptCount), count: this.count };
    this.given.push(evidence);
    return evidence;
  }

  private equals(known: Evidence): boolean {
    if (known.count !== this.count || known.ids.length !== this.keptCount) return false;
    for (let i = 0; i < this.keptCount; i++) if (known.ids[i] !== this.kept[i]) return false;
    return true;
  }
}
