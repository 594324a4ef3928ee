// Properties that must hold for any event history (fast-check).
import { axes, scoreReportSchema, type MaturityEvent } from "@maturity/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldEvents } from "./facts/fold.ts";
import { initialFacts } from "./facts/initial.ts";
import { scoreOrg } from "./report.ts";
import { scoreEvents } from "./score-events.ts";
import { asOfArb, eventsArb, propertyAsOf, timeArb } from "./test/arbitraries.ts";
import { deploy, event, evalRun, register } from "./test/builders.ts";
import { criterionOf, systemOf } from "./test/criteria.ts";

const fold = (events: readonly MaturityEvent[]) => foldEvents(initialFacts(), events);
const runs = { numRuns: 150 };

describe("properties", () => {
  it("keeps every axis score in [1, 5] and every degree in [0, 1]; the report is valid", () => {
    fc.assert(
      fc.property(eventsArb, asOfArb, (events, asOf) => {
        const report = scoreEvents(events, { asOf });
        expect(scoreReportSchema.safeParse(report).success).toBe(true);
        for (const system of report.systems)
          for (const axis of axes) {
            const score = system.axes[axis];
            expect(score.score).toBeGreaterThanOrEqual(1);
            expect(score.score).toBeLessThanOrEqual(5);
            expect(Math.floor(score.score)).toBe(score.level);
            for (const c of score.criteria) {
              expect(c.degree).toBeGreaterThanOrEqual(0);
              expect(c.degree).toBeLessThanOrEqual(1);
              if (c.status === "no_data") expect(c.degree).toBe(0);
            }
          }
      }),
      runs,
    );
  });

  it("ignores duplicates and arrival order: the facts are identical", () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events))),
        ([events, duplicates]) => {
          const replayed = [...events, ...duplicates].reverse();
          expect(fold(replayed)).toEqual(fold(events));
        },
      ),
      runs,
    );
  });

  it("scores as of T from events up to T, whatever was folded after T", () => {
    fc.assert(
      fc.property(eventsArb, asOfArb, (events, asOf) => {
        const fromAllFacts = scoreOrg(fold(events), { asOf });
        const fromEarlierEvents = scoreOrg(fold(events.filter((e) => Date.parse(e.time) <= asOf)), { asOf });
        expect(fromAllFacts).toEqual(fromEarlierEvents);
      }),
      runs,
    );
  });

  // Each entry: a criterion and an event that supports it.
  const supporting: [string, (time: string, n: number) => MaturityEvent[]][] = [
    ["deployment.l2.weekly-deploys", (time, n) => [deploy("alpha", time, { deploymentId: `sup-${n}` })]],
    [
      "deployment.l4.promotions-gated",
      (time, n) => [deploy("alpha", time, { deploymentId: `sup-${n}`, gatedByEval: true })],
    ],
    [
      "evaluation.l2.results-recorded",
      (time, n) => [
        evalRun("alpha", time, `sv-${n}`),
        deploy("alpha", time, { deploymentId: `sup-${n}`, version: `sv-${n}` }),
      ],
    ],
    [
      "deployment.l4.change-failure-below-10",
      (time, n) => [deploy("alpha", time, { deploymentId: `sup-${n}` })],
    ],
    [
      "observability.l3.model-monitoring",
      (time) => [event("monitor.configured", "alpha", time, { signal: "drift", alerting: true })],
    ],
    [
      "reproducibility.l3.pipelines-automated",
      (time) => [
        event("ci.pipeline.completed", "alpha", time, {
          pipeline: "training",
          status: "succeeded",
          trigger: "schedule",
        }),
      ],
    ],
  ];

  it("never lowers a criterion's degree when supporting evidence is added", () => {
    fc.assert(
      fc.property(
        eventsArb,
        fc.constantFrom(...supporting),
        fc.array(timeArb, { minLength: 1, maxLength: 5 }),
        (events, [criterionId, make], times) => {
          const asOf = propertyAsOf;
          // alpha stays a registered classical system (generated catalogue events for it are dropped)
          // and exists before any generated event, so cadence weeks do not change either.
          const generated = events.filter(
            (e) => !(e.subject === "alpha" && e.type.startsWith("catalog.system")),
          );
          const base = [register("alpha", "2025-01-01T00:00:00Z", { kind: "classical" }), ...generated];
          const extra = times.flatMap((time, n) => make(time, n));
          const degree = (list: MaturityEvent[]) =>
            criterionOf(systemOf(scoreEvents(list, { asOf }), "alpha"), criterionId).degree;
          expect(degree([...base, ...extra])).toBeGreaterThanOrEqual(degree(base));
        },
      ),
      runs,
    );
  });
});
