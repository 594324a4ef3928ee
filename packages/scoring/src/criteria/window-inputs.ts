// A criterion with an evidence window of its own (`windowDays` in the rubric) is judged over that
// window instead of the run's: its activity evidence counts only inside it and cadence weeks span
// it. Views over such a window are made on first use, once per distinct window and system, and
// share the run's state views, so a rubric without own windows costs nothing more.
import type { CriterionDefinition } from "@maturity/model/rubric";
import { keepShape } from "../keep-shape.ts";
import { dayMs } from "../time.ts";
import { PopulationViews, type ViewContext } from "../views/populations.ts";
import type { DegreeInput } from "./degree.ts";
import { EvidenceCollector } from "./evidence.ts";
import { WholeViews } from "./whole-view.ts";

export class WindowInputs {
  // Rubrics name few windows: a short list searched in order, made only when one is needed.
  private others: DegreeInput[] | undefined;

  constructor(private readonly run: DegreeInput) {}

  /** The input to judge `criterion` on. */
  of(criterion: CriterionDefinition): DegreeInput {
    const days = criterion.windowDays;
    if (days === undefined || days === this.run.windowDays) return this.run;
    for (const input of this.others ?? []) if (input.windowDays === days) return input;
    const run = this.run;
    const views = run.views.forWindow(run.views.ctx.asOf - days * dayMs);
    const input: DegreeInput = {
      views,
      since: run.since,
      windowDays: days,
      evidence: run.evidence,
      whole: run.whole.forViews(views),
    };
    (this.others ??= []).push(input);
    return input;
  }
}

{
  const views = new PopulationViews({} as ViewContext);
  const evidence = new EvidenceCollector();
  const whole = new WholeViews(views, evidence);
  keepShape(new WindowInputs({ views, since: 0, windowDays: 1, evidence, whole }));
}
