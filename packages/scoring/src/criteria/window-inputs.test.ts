import { rubric } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { evolveSystem } from "../facts/fold.ts";
import { initialSystemFacts } from "../facts/initial.ts";
import { dayMs } from "../time.ts";
import { daysBefore, deploy, event, register } from "../test/builders.ts";
import { resolveIdentity } from "../views/catalog.ts";
import { PopulationViews } from "../views/populations.ts";
import { viewSize } from "../views/view.ts";
import { EvidenceCollector } from "./evidence.ts";
import { WholeViews } from "./whole-view.ts";
import { WindowInputs } from "./window-inputs.ts";

const asOf = "2026-11-24T00:00:00.000Z";
const asOfMs = Date.parse(asOf);
const facts = initialSystemFacts("s");
for (const e of [
  register("s", daysBefore(asOf, 200)),
  event("gov.owner.assigned", "s", daysBefore(asOf, 200), { owner: "alice" }),
  deploy("s", daysBefore(asOf, 10)),
  deploy("s", daysBefore(asOf, 120)),
])
  evolveSystem(facts, e);

function inputs() {
  const views = new PopulationViews({
    facts,
    identity: resolveIdentity(facts, asOfMs),
    queues: {},
    asOf: asOfMs,
    windowStart: asOfMs - 90 * dayMs,
  });
  const evidence = new EvidenceCollector();
  const run = { views, since: 0, windowDays: 90, evidence, whole: new WholeViews(views, evidence) };
  return { run, inputs: new WindowInputs(run) };
}
const criterion = rubric.criteria[0]!;
const withWindow = (windowDays: number) => ({ ...criterion, windowDays });

describe("WindowInputs", () => {
  it("gives the run's input to criteria without a window of their own, or with the run's", () => {
    const { run, inputs: of } = inputs();
    expect(of.of(criterion)).toBe(run);
    expect(of.of(withWindow(90))).toBe(run);
  });

  it("makes one input per other window, over that window", () => {
    const { run, inputs: of } = inputs();
    const long = of.of(withWindow(180));
    expect(of.of(withWindow(180))).toBe(long);
    expect(of.of(withWindow(30))).not.toBe(long);
    expect(long).toMatchObject({ windowDays: 180, since: run.since, evidence: run.evidence });
    expect(long.views.ctx.windowStart).toBe(asOfMs - 180 * dayMs);
    const deploys = (input: typeof run) => viewSize(input.views.get("productionDeploys", "activity"));
    expect(deploys(run)).toBe(1);
    expect(deploys(long)).toBe(2); // and the deploy 120 days back
  });

  it("shares the run's state views, their wholes and the metric lookups", () => {
    const { run, inputs: of } = inputs();
    const long = of.of(withWindow(180));
    expect(long.views.get("owners", "state")).toBe(run.views.get("owners", "state"));
    expect(long.whole.get("productionDeploys", "state")).toBe(run.whole.get("productionDeploys", "state"));
    expect(long.whole.get("productionDeploys", "activity")).not.toBe(
      run.whole.get("productionDeploys", "activity"),
    );
    expect(long.views.metricJoins).toBe(run.views.metricJoins);
  });
});
