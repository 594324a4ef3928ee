// history.json: the store's score history of the system up to asOf, or — from a file, which has
// none — the system scored at weekly points up to asOf, under the pack's rules.
import { axes } from "@maturity/model";
import type { OrgFacts } from "@maturity/scoring";
import { scoreSystem } from "@maturity/scoring";
import type { ActivePolicy } from "@maturity/policy";
import type { ScoreWindows } from "./basis.ts";
import type { HistoryPoint } from "./source.ts";

export type HistorySource = "store" | "computed";

export interface HistoryDocument {
  systemId: string;
  asOf: string;
  source: HistorySource;
  note: string;
  points: HistoryPoint[];
}

export const computedHistoryWeeks = 52;
const weekMs = 7 * 24 * 60 * 60 * 1000;

export const historyNotes: Record<HistorySource, string> = {
  store:
    "The platform's score history: each point is an axis's score from `at` on, with the rubric that computed it and why it was recomputed.",
  computed: `Computed for this pack from events.ndjson: the system scored at weekly points up to asOf (at most ${computedHistoryWeeks}), under the pack's rules. It is not the platform's recorded history.`,
};

/** The store's points up to asOf, oldest first, in the pack's own shape. */
export function storedHistory(points: readonly HistoryPoint[], asOf: number): HistoryPoint[] {
  return points
    .filter((point) => Date.parse(point.at) <= asOf)
    .map((point) => ({
      at: new Date(point.at).toISOString(),
      axis: point.axis,
      score: point.score,
      level: point.level,
      rubricVersion: point.rubricVersion,
      ...(point.cause !== undefined && { cause: point.cause }),
      ...(point.causeEventId !== undefined && { causeEventId: point.causeEventId }),
    }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Weekly points back from asOf, while the system has evidence; oldest first. */
export function weeklyHistory(
  facts: OrgFacts,
  systemId: string,
  rules: { asOf: number; policy: ActivePolicy; windows: ScoreWindows },
): HistoryPoint[] {
  const system = facts.systems[systemId];
  if (system === undefined) return [];
  const points: HistoryPoint[] = [];
  for (let week = computedHistoryWeeks - 1; week >= 0; week--) {
    const at = rules.asOf - week * weekMs;
    const report = scoreSystem(
      system,
      {
        asOf: at,
        rubric: rules.policy.rubric,
        windowDays: rules.windows.evidenceDays,
        metricsWindowDays: rules.windows.metricsDays,
      },
      facts.queues,
    );
    if (report === null) continue;
    for (const axis of axes)
      points.push({
        at: new Date(at).toISOString(),
        axis,
        score: report.axes[axis].score,
        level: report.axes[axis].level,
        rubricVersion: rules.policy.rubricVersion,
      });
  }
  return points;
}

export function historyDocument(
  systemId: string,
  asOf: number,
  source: HistorySource,
  points: HistoryPoint[],
): HistoryDocument {
  return { systemId, asOf: new Date(asOf).toISOString(), source, note: historyNotes[source], points };
}
