import { evidenceIdCap } from "@maturity/model";
import { keepShape } from "../keep-shape.ts";
import { rowAt, viewSize, type View } from "../views/view.ts";

/** Up to `evidenceIdCap` ids, newest first, and how many distinct events were looked at. */
export interface Evidence {
  ids: string[];
  count: number;
}

/**
 * Collects evidence while walking records newest first. Records sharing an id (the tools of one
 * catalogue, the two halves of a telemetry bucket) sit next to each other, so comparing with the
 * previous id is enough to count distinct events. The rows of one event also share its time, so a
 * row is compared by time first: the id strings, scattered over the heap, are read only when the
 * times are equal (one cache miss per row otherwise, on facts not touched since they were folded).
 */
export class EvidenceCollector {
  // Room for exactly the ids kept: no growth while collecting (see `result`).
  private readonly kept = new Array<string>(evidenceIdCap);
  private keptCount = 0;
  count = 0;
  private previous: string | undefined;
  private previousT = Number.NaN;
  // Results given out so far: an equal result is shared instead of copied again.
  private readonly given: Evidence[] = [];

  /** Empties the collector for the next rule (one collector serves a whole system's scoring). */
  reset(): this {
    this.keptCount = 0;
    this.count = 0;
    this.previous = undefined;
    this.previousT = Number.NaN;
    return this;
  }

  /** A row's event id and time. */
  add(id: string, t: number): void {
    if (t === this.previousT && id === this.previous) return;
    this.previousT = t;
    this.keep(id);
  }

  /** Every row of the view, newest first. */
  addView(view: View): this {
    const { id, t } = view.cols;
    for (let k = viewSize(view) - 1; k >= 0; k--) {
      const row = rowAt(view, k);
      this.add(id[row] as string, t[row] as number);
    }
    return this;
  }

  /** Ids without their times (another result's evidence): compared by id alone. */
  addIds(ids: readonly string[]): this {
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i] as string;
      if (id === this.previous) continue;
      this.previousT = Number.NaN;
      this.keep(id);
    }
    return this;
  }

  private keep(id: string): void {
    this.previous = id;
    this.count += 1;
    if (this.keptCount < evidenceIdCap) this.kept[this.keptCount++] = id;
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

keepShape(new EvidenceCollector());
