import type { AxisForecast } from "@maturity/model";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { HistoryRow } from "../lib/api-types.ts";
import { levelProjection, mergeOnTime, monthMs, projectionHorizonMs, typicalText } from "../lib/forecast.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";

/** Why a score changed, as the history records it. */
export const causeLabels: Record<HistoryRow["cause"], string> = {
  event: "new evidence",
  window: "evidence aged out",
  policy: "policy activated",
  "waiver-expired": "waiver expired",
};

interface Point {
  t: number;
  score: number;
  level: number;
  rubricVersion: string;
  cause: HistoryRow["cause"];
}

function HistoryTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: Partial<Point> & { t: number; trend?: number; range?: [number, number] } }[];
}) {
  const row = payload?.[0]?.payload;
  if (!active || row === undefined) return null;
  if (row.cause === undefined) {
    // A point of the projection: the trend's value there, and the range's.
    return (
      <div className="history-tip">
        <div>{formatDate(new Date(row.t).toISOString())}</div>
        {row.trend !== undefined ? (
          <div>
            trend <strong>{row.trend.toFixed(2)}</strong>
          </div>
        ) : null}
        {row.range !== undefined ? (
          <div className="small">
            range {row.range[0].toFixed(2)}–{row.range[1].toFixed(2)}
          </div>
        ) : null}
      </div>
    );
  }
  const point = row as Point;
  return (
    <div className="history-tip">
      <div>{formatDateTime(new Date(point.t).toISOString())}</div>
      <div>
        <strong>score {point.score.toFixed(2)}</strong> · L{point.level}
      </div>
      <div>{causeLabels[point.cause]}</div>
      <div className="small">rubric {point.rubricVersion}</div>
    </div>
  );
}

/** The forecast to draw beside the history: as of when, and the axis's answer. */
export interface ChartForecast {
  asOf: string;
  axis: AxisForecast;
}

/**
 * One axis's score over time, as recorded at each change (a step line: scores hold until changed);
 * the tooltip says why each changed and under which rubric or policy version. With a forecast, the
 * trend continues dashed to the next level with the range of dates shaded, and the usual time for
 * the step is marked from when the current level was reached.
 */
export function ScoreHistoryChart({
  rows,
  label,
  forecast,
}: {
  rows: readonly HistoryRow[];
  label: string;
  forecast?: ChartForecast | undefined;
}) {
  if (rows.length === 0) return <p className="muted small">No recorded score changes for {label} yet.</p>;
  const points: Point[] = rows.map((row) => ({
    t: Date.parse(row.at),
    score: row.score,
    level: row.level,
    rubricVersion: row.rubricVersion,
    cause: row.cause,
  }));
  // A single change still draws as a flat line up to now (or to the forecast's instant).
  const last = points.at(-1)!;
  const until = forecast === undefined ? Date.now() : Date.parse(forecast.asOf);
  if (last.t < until - 60_000) points.push({ ...last, t: until });
  const projection = forecast === undefined ? null : levelProjection(forecast.axis, forecast.asOf);
  const { typical, levelSince } = forecast?.axis ?? { typical: null, levelSince: null };
  const usual =
    typical === null || levelSince === null
      ? null
      : {
          from: Date.parse(levelSince) + typical.minMonths * monthMs,
          to: Date.parse(levelSince) + typical.maxMonths * monthMs,
        };
  // One row per instant: the history's, then the projection's line (`trend`) and band (`range`).
  const data = mergeOnTime<{ t: number }>(
    points,
    projection?.line.map(({ t, value }) => ({ t, trend: value })) ?? [],
    projection?.band.map(({ t, band }) => ({ t, range: band })) ?? [],
  );
  const first = points[0]!.t;
  const horizon = until + projectionHorizonMs;
  const end = Math.min(horizon, Math.max(until, projection?.end ?? until, usual?.to ?? until));
  return (
    <figure className="history-chart">
      <figcaption className="visually-hidden">
        Score history of {label}: {rows.length} change(s), latest {last.score.toFixed(2)} on{" "}
        {formatDateTime(rows.at(-1)!.at)} under rubric {last.rubricVersion}
        {projection !== null && forecast?.axis.nextLevel
          ? `; the trend reaches level ${forecast.axis.level + 1} on ${formatDate(forecast.axis.nextLevel.date)}`
          : ""}
        {usual !== null && typical !== null
          ? `; the step usually takes ${typicalText(typical)} from ${formatDate(levelSince)}`
          : ""}
      </figcaption>
      <ResponsiveContainer width="100%" height={projection !== null || usual !== null ? 170 : 140}>
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, end]}
            allowDataOverflow
            tickFormatter={(t: number) => formatDate(new Date(t).toISOString())}
            tick={{ fontSize: 10 }}
            minTickGap={30}
          />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 10 }} />
          <Tooltip content={<HistoryTooltip />} />
          {usual !== null && typical !== null && Math.max(first, usual.from) < Math.min(end, usual.to) ? (
            <ReferenceArea
              x1={Math.max(first, usual.from)}
              x2={Math.min(end, usual.to)}
              fill="#7c3aed"
              fillOpacity={0.08}
              stroke="#7c3aed"
              strokeOpacity={0.3}
              strokeDasharray="2 2"
              ifOverflow="hidden"
              label={{
                value: `usual L${typical.fromLevel}→L${typical.toLevel}: ${typicalText(typical)}`,
                position: "insideTop",
                fontSize: 10,
                fill: "#5b21b6",
              }}
            />
          ) : null}
          {projection !== null ? (
            <Area
              dataKey="range"
              type="linear"
              stroke="none"
              fill="#2353c8"
              fillOpacity={0.15}
              isAnimationActive={false}
              activeDot={false}
              connectNulls
              name="range"
            />
          ) : null}
          <Line
            type="stepAfter"
            dataKey="score"
            stroke="#2353c8"
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
          {projection !== null ? (
            <Line
              dataKey="trend"
              type="linear"
              stroke="#2353c8"
              strokeDasharray="6 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
              name="trend"
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
