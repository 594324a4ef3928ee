import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { ExecutivePoint } from "../lib/api-types.ts";
import { formatDate } from "../lib/format.ts";
import { axisLabels, axisList } from "../lib/vocabulary.ts";

export const axisColours = ["#2353c8", "#c2410c", "#15803d", "#7c3aed", "#be185d"] as const;

/** The classical − LLM/agent gap per axis, week by week; above zero, LLM operations lag. */
export function GapTrendChart({ points, caption }: { points: readonly ExecutivePoint[]; caption: string }) {
  const rows = points.map((point) => ({ at: formatDate(point.at), ...point.gap }));
  const withData = points.filter((point) => axisList.some((axis) => point.gap[axis] !== null));
  return (
    <figure className="chart-card">
      <figcaption>{caption}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} />
          <ReferenceLine y={0} stroke="#5a6275" />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
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
        </LineChart>
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
