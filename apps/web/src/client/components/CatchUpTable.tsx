import type { GapForecast, RollupForecast } from "@maturity/model";
import { gapForecastText } from "../lib/forecast.ts";
import { formatDate, formatSigned } from "../lib/format.ts";
import { axisLabels, axisList } from "../lib/vocabulary.ts";

/** Gaps move by hundredths a week: three decimals, and no "-0.000". */
function formatPerWeek(value: number | null | undefined): string {
  if (value == null) return "—";
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === 0 ? "0.000" : `${rounded > 0 ? "+" : ""}${rounded.toFixed(3)}`;
}

const verdictClass: Record<GapForecast["status"], string> = {
  closing: "verdict-closing",
  widening: "verdict-widening",
  steady: "verdict-steady",
  closed: "verdict-closing",
  not_enough_history: "verdict-none",
};

/**
 * "When does LLM/agent operations catch up": per axis, the date the gap between the classical and
 * the LLM/agent medians closes at its present pace, with the range; or that it widens, holds, is
 * closed, or has too little history to tell.
 */
export function CatchUpTable({
  gap,
  asOf,
  minHistoryDays,
  scope,
}: {
  gap: RollupForecast["gap"];
  asOf: string;
  minHistoryDays: number;
  scope: string;
}) {
  return (
    <div className="table-scroll" data-testid="catch-up">
      <table>
        <caption>
          {scope}: when the LLM/agent median reaches the classical one per axis, at the pace of the last 26
          weeks (as of {formatDate(asOf)})
        </caption>
        <thead>
          <tr>
            <th scope="col">Axis</th>
            <th scope="col">Gap now</th>
            <th scope="col">Change a week</th>
            <th scope="col">When it closes</th>
          </tr>
        </thead>
        <tbody>
          {axisList.map((axis) => {
            const forecast = gap[axis];
            return (
              <tr key={axis} data-testid={`catch-up-${axis}`}>
                <th scope="row">{axisLabels[axis]}</th>
                <td className="number">{formatSigned(forecast.gap)}</td>
                <td className="number">{formatPerWeek(forecast.trend?.slopePerWeek)}</td>
                <td>
                  <span className={`verdict ${verdictClass[forecast.status]}`}>
                    {gapForecastText(forecast, minHistoryDays)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
