// The executive series: classical vs LLM/agent medians per axis, week by week, from the score
// history. The portal's executive page (org.executiveSeries) and the compare_tracks tool read it.
import type { Database } from "@maturity/db";
import { activeSystemKinds, historyOfSystems, latestReportTime } from "@maturity/db";
import type { Axis } from "@maturity/model";
import { axes } from "@maturity/model";
import { median } from "@maturity/scoring";

const dayMs = 86_400_000;

export type AxisFigures = Record<Axis, number | null>;

export interface TrackGapPoint {
  at: string;
  classical: AxisFigures;
  llm: AxisFigures;
  /** Classical median − LLM/agent median; positive: LLM operations lag. */
  gap: AxisFigures;
}

/** Each system × axis score as it stood at `at`: the last history row at or before it. */
function scoresAsOf(
  history: readonly { systemId: string; axis: string; at: string; score: number }[],
  at: number,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const row of history)
    if (Date.parse(row.at) <= at) scores.set(`${row.systemId}/${row.axis}`, row.score);
  return scores;
}

/**
 * At the end of each of the last `weeks` weeks (the newest report's time last), the median score
 * per axis of classical systems and of LLM/agent systems, and the gap between them (positive:
 * LLM operations lag), for the organisation or one team's active systems.
 */
export async function trackGapSeries(
  db: Database,
  input: { weeks: number; team?: string | undefined },
): Promise<{ team: string | null; points: TrackGapPoint[] }> {
  const systems = await activeSystemKinds(db, input.team);
  const latestText = await latestReportTime(db);
  const latest = latestText === null ? 0 : Date.parse(latestText);
  const history = await historyOfSystems(
    db,
    systems.map((system) => system.systemId),
  );
  const kindOf = new Map(systems.map((system) => [system.systemId, system.kind]));
  const points: TrackGapPoint[] = [];
  for (let week = input.weeks - 1; week >= 0; week -= 1) {
    const at = latest - week * 7 * dayMs;
    const scores = scoresAsOf(history, at);
    const classical = {} as AxisFigures;
    const llm = {} as AxisFigures;
    const gap = {} as AxisFigures;
    for (const axis of axes) {
      // Rounded like the rollups, so the latest point equals the stored team/org figures.
      const of = (side: "classical" | "llm") => {
        const middle = median(
          [...scores]
            .filter(([key]) => key.endsWith(`/${axis}`))
            .filter(([key]) => {
              const kind = kindOf.get(key.slice(0, key.lastIndexOf("/")));
              return side === "classical" ? kind === "classical" : kind === "llm" || kind === "agent";
            })
            .map(([, score]) => score),
        );
        return middle === null ? null : Math.round(middle * 100) / 100;
      };
      classical[axis] = of("classical");
      llm[axis] = of("llm");
      gap[axis] =
        classical[axis] === null || llm[axis] === null
          ? null
          : Math.round((classical[axis]! - llm[axis]!) * 100) / 100;
    }
    points.push({ at: new Date(at).toISOString(), classical, llm, gap });
  }
  return { team: input.team ?? null, points };
}
