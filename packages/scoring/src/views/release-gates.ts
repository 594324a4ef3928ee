// The evaluation gate behind each production release, found in one sweep over the evaluations
// (both lists are in time order) instead of a list of evaluation rows per evaluated ref.
import type { Columns, EvalRunRec } from "../facts/types.ts";
import { keepShape } from "../keep-shape.ts";

export type ReleaseGate = EvalRunRec["gate"] | "missing";

export class ReleaseGates {
  /** Per evaluated ref, the gate of its latest gated evaluation so far, or "none". */
  private readonly gateByRef = new Map<string, EvalRunRec["gate"]>();
  /** The first evaluation row not swept yet. */
  private next = 0;

  /**
   * `asked`: when given, the only versions `at` will be asked about; the sweep keeps no gate for
   * other refs (a system evaluates many more versions than it releases in a window).
   */
  constructor(
    private readonly evals: Pick<Columns<EvalRunRec>, "t" | "refs" | "gate">,
    private readonly asked?: { has(version: string): boolean },
  ) {}

  /**
   * The gate that decided a release of `version` at time t: the latest gated evaluation of the
   * version at or before t; "none" when evaluated without a gate, "missing" when never evaluated.
   * Releases must be asked for in time order (t never decreasing).
   */
  at(version: string, t: number): ReleaseGate {
    const { t: times, refs, gate } = this.evals;
    for (; this.next < times.length && (times[this.next] as number) <= t; this.next++) {
      const g = gate[this.next] as EvalRunRec["gate"];
      for (const ref of refs[this.next] as string[]) {
        if (this.asked?.has(ref) === false) continue;
        if (g !== "none") this.gateByRef.set(ref, g);
        else if (!this.gateByRef.has(ref)) this.gateByRef.set(ref, "none");
      }
    }
    return this.gateByRef.get(version) ?? "missing";
  }
}

keepShape(new ReleaseGates({ t: [], refs: [], gate: [] }));
