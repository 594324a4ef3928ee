import type { Axis, AxisScore } from "@maturity/model";
import type { CriterionGuide, HistoryRow } from "../lib/api-types.ts";
import { levelName } from "../lib/levels.ts";
import { axisLabels } from "../lib/vocabulary.ts";
import { CriterionItem } from "./CriterionItem.tsx";
import { AxisForecastLine } from "./ForecastList.tsx";
import { LevelBadge } from "./LevelBadge.tsx";
import { ScoreHistoryChart, type ChartForecast } from "./ScoreHistoryChart.tsx";
import { ScoreHistoryTable } from "./ScoreHistoryTable.tsx";

interface Props {
  systemId: string;
  axis: Axis;
  score: AxisScore;
  history: readonly HistoryRow[];
  guide: Record<string, CriterionGuide>;
  /** The as-of view's time: evidence is then what counted on that date. */
  evidenceAsOf: string | undefined;
  openEvidence: string | undefined;
  onToggleEvidence: (criterionId: string) => void;
  /** The axis's forecast, drawn on its history chart (absent while loading or when it failed). */
  forecast?: (ChartForecast & { minHistoryDays: number }) | undefined;
}

/** One axis of a system: its level, its criteria checklist by level, and its score history. */
export function AxisSection({
  systemId,
  axis,
  score,
  history,
  guide,
  evidenceAsOf,
  openEvidence,
  onToggleEvidence,
  forecast,
}: Props) {
  const headingId = `axis-${axis}`;
  const met = score.criteria.filter((criterion) => criterion.status === "met").length;
  const waived = score.criteria.filter((criterion) => criterion.status === "waived").length;
  return (
    <section aria-labelledby={headingId} className="panel axis-section" id={`section-${axis}`}>
      <h3 id={headingId}>
        {axisLabels[axis]} <LevelBadge level={score.level} score={score.score} />{" "}
        <span className="muted small">{levelName(score.level)}</span>
      </h3>
      <div className="axis-body">
        <div>
          <h4>
            Criteria{" "}
            <span className="muted small">
              ({met} of {score.criteria.length} met{waived > 0 ? `, ${waived} waived` : ""})
            </span>
          </h4>
          {score.criteria.length === 0 ? (
            <p className="muted">No criteria of this axis apply to this kind of system.</p>
          ) : (
            <ul className="criteria">
              {[...score.criteria]
                .sort((a, b) => a.level - b.level || a.id.localeCompare(b.id))
                .map((criterion) => (
                  <CriterionItem
                    key={criterion.id}
                    systemId={systemId}
                    criterion={criterion}
                    definition={guide[criterion.id]}
                    evidenceAsOf={evidenceAsOf}
                    evidenceOpen={openEvidence === criterion.id}
                    onToggleEvidence={() => onToggleEvidence(criterion.id)}
                  />
                ))}
            </ul>
          )}
        </div>
        <div>
          <h4>Score history</h4>
          <ScoreHistoryChart rows={history} label={axisLabels[axis]} forecast={forecast} />
          {forecast !== undefined ? (
            <p className="small forecast-note" data-testid={`axis-forecast-${axis}`}>
              <AxisForecastLine forecast={forecast.axis} minHistoryDays={forecast.minHistoryDays} />
            </p>
          ) : null}
          <ScoreHistoryTable rows={history} label={axisLabels[axis]} />
        </div>
      </div>
    </section>
  );
}
