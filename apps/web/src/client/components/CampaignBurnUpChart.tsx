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
import { formatDate } from "../lib/format.ts";

/**
 * A campaign's burn-up: systems in scope (the line to reach) and those meeting the target, week
 * by week, with the deadline marked.
 */
export function CampaignBurnUpChart({
  points,
  deadline,
}: {
  points: readonly { at: string; inScope: number; meeting: number }[];
  deadline: string;
}) {
  const rows = points.map((point) => ({
    t: Date.parse(point.at),
    inScope: point.inScope,
    meeting: point.meeting,
  }));
  const deadlineTime = Date.parse(deadline);
  const first = rows[0]?.t ?? deadlineTime;
  const last = Math.max(rows.at(-1)?.t ?? deadlineTime, deadlineTime);
  return (
    <figure className="chart" aria-label="Burn-up: systems meeting the target, week by week">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[first, last]}
            allowDataOverflow
            tickFormatter={(t: number) => formatDate(new Date(t).toISOString())}
          />
          <YAxis allowDecimals={false} />
          <Tooltip labelFormatter={(t) => formatDate(new Date(Number(t)).toISOString())} />
          <Legend />
          <Area
            type="stepAfter"
            dataKey="meeting"
            name="Meeting the target"
            fill="#86efac"
            stroke="#15803d"
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="inScope"
            name="In scope"
            stroke="#2353c8"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <ReferenceLine
            x={deadlineTime}
            stroke="#b91c1c"
            strokeDasharray="4 4"
            label={{ value: "deadline", position: "insideTopRight" }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        Weekly from the score history; the dashed red line is the deadline.
      </figcaption>
    </figure>
  );
}
