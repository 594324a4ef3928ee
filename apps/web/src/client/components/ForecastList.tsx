import type { AxisForecast, Pace, SystemForecast } from "@maturity/model";
import { axisForecastText, paceExplanations, paceLabels } from "../lib/forecast.ts";
import { formatDate } from "../lib/format.ts";
import { axisLabels, axisList } from "../lib/vocabulary.ts";

/** The pace against the usual time for the step, in a word with its meaning beside it. */
export function PaceTag({ pace }: { pace: Pace }) {
  return (
    <span className={`verdict pace-${pace}`} title={paceExplanations[pace]}>
      {paceLabels[pace]}
      <span className="visually-hidden">: {paceExplanations[pace]}</span>
    </span>
  );
}

/** One axis's forecast in a sentence, with its pace marked. */
export function AxisForecastLine({
  forecast,
  minHistoryDays,
}: {
  forecast: AxisForecast;
  minHistoryDays: number;
}) {
  return (
    <>
      {axisForecastText(forecast, minHistoryDays)}
      {forecast.pace !== null ? (
        <>
          : <PaceTag pace={forecast.pace} />
        </>
      ) : null}
    </>
  );
}

/**
 * When each axis of a system is expected to reach its next level at the pace its history shows,
 * beside the usual time for that step (the maturity model's), or why no date can be given.
 */
export function ForecastList({
  forecast,
  asOf,
  minHistoryDays,
}: {
  forecast: SystemForecast;
  asOf: string;
  minHistoryDays: number;
}) {
  return (
    <div className="forecast" data-testid="system-forecast">
      <h3 className="forecast-heading">When</h3>
      <ul className="forecast-list">
        {axisList.map((axis) => (
          <li key={axis} data-testid={`forecast-${axis}`} className={`forecast-${forecast[axis].status}`}>
            <strong>{axisLabels[axis]}</strong> (level {forecast[axis].level},{" "}
            {forecast[axis].score.toFixed(2)}):{" "}
            <AxisForecastLine forecast={forecast[axis]} minHistoryDays={minHistoryDays} />
          </li>
        ))}
      </ul>
      <p className="muted small">
        At the pace of each axis&apos;s score over the last 26 weeks, as of {formatDate(asOf)}; the range
        comes from how steady that pace has been. The usual times are the maturity model&apos;s.
      </p>
    </div>
  );
}
