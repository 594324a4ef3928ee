import type { Axis } from "@maturity/model";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ExecutivePoint } from "../lib/api-types.ts";
import { formatDate } from "../lib/format.ts";
import { axisLabels } from "../lib/vocabulary.ts";

/** Classical vs LLM/agent median of one axis, week by week. */
export function TrackComparisonChart({ points, axis }: { points: readonly ExecutivePoint[]; axis: Axis }) {
  const rows = points.map((point) => ({
    at: formatDate(point.at),
    classical: point.classical[axis],
    llm: point.llm[axis],
  }));
  return (
    <figure className="chart-card">
      <figcaption>{axisLabels[axis]}: median score by track</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tick={{ fontSize: 10 }} minTickGap={24} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 10 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="classical"
            name="Classical ML"
            stroke="#2353c8"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="llm"
            name="LLM and agent"
            stroke="#c2410c"
            strokeDasharray="5 3"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
