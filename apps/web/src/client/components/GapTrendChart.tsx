import type { RollupForecast } from "@maturity/model";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ExecutivePoint } from "../lib/api-types.ts";
import { gapProjection, mergeOnTime, projectionHorizonMs } from "../lib/forecast.ts";
import { formatDate, formatSigned } from "../lib/format.ts";
import { axisLabels, axisList } from "../lib/vocabulary.ts";

export const axisColours = ["#2353c8", "#c2410c", "#15803d", "#7c3aed", "#be185d"] as const;

/** The gap forecast to draw beside the series: as of when, and each axis's answer. */
export interface GapChartForecast {
  asOf: string;
  gap: RollupForecast["gap"];
}

const dateOf = (t: number) => formatDate(new Date(t).toISOString());

/**
 * The classical − LLM/agent gap per axis, week by week; above zero, LLM operations lag. With a
 * forecast, each closing axis's gap continues dashed to the date it closes, its range shaded.
 */
export function GapTrendChart({
  points,
  caption,
  forecast,
}: {
  points: readonly ExecutivePoint[];
  caption: string;
  forecast?: GapChartForecast | undefined;
}) {
  const history = points.map((point) => ({ t: Date.parse(point.at), ...point.gap }));
  const withData = points.filter((point) => axisList.some((axis) => point.gap[axis] !== null));
  const projections = axisList.flatMap((axis, index) => {
    const projection = forecast === undefined ? null : gapProjection(forecast.gap[axis], forecast.asOf);
    return projection === null ? [] : [{ axis, index, projection }];
  });
  // One row per instant: the weekly gaps, then each projection's line (`<axis>:trend`) and band
  // (`<axis>:range`) at the instants it bends.
  const rows: Record<string, unknown>[] = mergeOnTime<{ t: number }>(
    history,
    ...projections.flatMap(({ axis, projection }) => [
      projection.line.map(({ t, value }) => ({ t, [`${axis}:trend`]: value })),
      projection.band.map(({ t, band }) => ({ t, [`${axis}:range`]: band })),
    ]),
  );
  const first = history[0]?.t ?? Date.now();
  const last = history.at(-1)?.t ?? first;
  const end = Math.min(
    last + projectionHorizonMs,
    Math.max(last, ...projections.map(({ projection }) => projection.end)),
  );
  return (
    <figure className="chart-card">
      <figcaption>
        {caption}
        {projections.length > 0 ? ", and when it closes at its present pace (dashed, range shaded)" : ""}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, end]}
            allowDataOverflow
            tickFormatter={dateOf}
            tick={{ fontSize: 11 }}
            minTickGap={24}
          />
          <YAxis tick={{ fontSize: 11 }} />
          <ReferenceLine y={0} stroke="#5a6275" />
          <Tooltip
            labelFormatter={(t) => dateOf(Number(t))}
            formatter={(value) =>
              Array.isArray(value)
                ? value.map((bound) => formatSigned(Number(bound))).join(" to ")
                : formatSigned(Number(value))
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {projections.map(({ axis, index }) => (
            <Area
              key={`band-${axis}`}
              dataKey={`${axis}:range`}
              name={`${axisLabels[axis]} range`}
              type="linear"
              stroke="none"
              fill={axisColours[index]}
              fillOpacity={0.12}
              legendType="none"
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {axisList.map((axis, index) => (
            <Line
              key={axis}
              type="monotone"
              dataKey={axis}
              name={axisLabels[axis]}
              stroke={axisColours[index]}
              strokeDasharray={index % 2 === 1 ? "5 3" : undefined}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          {projections.map(({ axis, index }) => (
            <Line
              key={`projection-${axis}`}
              dataKey={`${axis}:trend`}
              name={`${axisLabels[axis]} projected`}
              type="linear"
              stroke={axisColours[index]}
              strokeDasharray="2 4"
              strokeWidth={2}
              dot={false}
              legendType="none"
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      {withData.length < 2 ? (
        <p className="muted small">
          The score history covers {withData.length === 0 ? "none" : "only the last"} of these weeks so far:
          the lines grow as scores change.
        </p>
      ) : null}
    </figure>
  );
}
