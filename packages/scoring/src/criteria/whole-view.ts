import { populationNames, type EvidenceKind, type Population } from "@maturity/model/rubric";
import { keepShape } from "../keep-shape.ts";
import { PopulationViews, type ViewContext } from "../views/populations.ts";
import { rowAt, viewSize, type View } from "../views/view.ts";
import { EvidenceCollector, type Evidence } from "./evidence.ts";

/** Every row of a view as evidence (newest first), and the events those rows stand for. */
export interface WholeView {
  view: View;
  evidence: Evidence;
  /** Sum of the row weights (1 per row without a weight column), summed newest first. */
  total: number;
}

/**
 * A rule without `where` cites every row of its view, so the many criteria over one population
 * (ten over production deploys) get the same evidence: it is gathered once per view and the
 * results share it (read-only), instead of one scan and one kept copy per criterion.
 */
export class WholeViews {
  private readonly cache: Record<EvidenceKind, (WholeView | undefined)[]>;

  /** `run`: for views over another evidence window, the whole views whose state ones these share. */
  constructor(
    private readonly views: PopulationViews,
    private readonly collector: EvidenceCollector,
    run?: WholeViews,
  ) {
    // State views are the same over every window (see PopulationViews), and so are their wholes.
    this.cache = {
      state: run?.cache.state ?? new Array<WholeView | undefined>(populationNames.length),
      activity: new Array<WholeView | undefined>(populationNames.length),
    };
  }

  /** The wholes of `views`, the same system's views over another evidence window. */
  forViews(views: PopulationViews): WholeViews {
    return new WholeViews(views, this.collector, this);
  }

  get(population: Population, scope: EvidenceKind): WholeView {
    const cache = this.cache[scope];
    const slot = this.views.slotOf(population);
    return (cache[slot] ??= wholeView(this.views.get(population, scope), this.collector));
  }
}

keepShape(new WholeViews(new PopulationViews({} as ViewContext), new EvidenceCollector()));

export function wholeView(view: View, collector: EvidenceCollector): WholeView {
  const evidence = collector.reset();
  const { id, t, weight } = view.cols;
  let total = 0;
  for (let k = viewSize(view) - 1; k >= 0; k--) {
    const row = rowAt(view, k);
    evidence.add(id[row] as string, t[row] as number);
    total += weight === undefined ? 1 : (weight[row] as number);
  }
  return { view, evidence: evidence.result(), total };
}
