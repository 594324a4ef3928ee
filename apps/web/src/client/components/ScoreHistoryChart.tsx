import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryRow } from "../lib/api-types.ts";
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

function HistoryTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Point }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || point === undefined) return null;
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

/**
 * One axis's score over time, as recorded at each change (a step line: scores hold until changed);
 * the tooltip says why each changed and under which rubric or policy version.
 */
export function ScoreHistoryChart({ rows, label }: { rows: readonly HistoryRow[]; label: string }) {
  if (rows.length === 0) return <p className="muted small">No recorded score changes for {label} yet.</p>;
  const points: Point[] = rows.map((row) => ({
    t: Date.parse(row.at),
    score: row.score,
    level: row.level,
    rubricVersion: row.rubricVersion,
    cause: row.cause,
  }));
  // A single change still draws as a flat line up to now.
  const last = points.at(-1)!;
  if (last.t < Date.now() - 60_000) points.push({ ...last, t: Date.now() });
  return (
    <figure className="history-chart">
      <figcaption className="visually-hidden">
        Score history of {label}: {rows.length} change(s), latest {last.score.toFixed(2)} on{" "}
        {formatDateTime(rows.at(-1)!.at)} under rubric {last.rubricVersion}
      </figcaption>
      <ResponsiveContainer width="100%" height={140}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => formatDate(new Date(t).toISOString())}
            tick={{ fontSize: 10 }}
            minTickGap={30}
          />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 10 }} />
          <Tooltip content={<HistoryTooltip />} />
          <Line type="stepAfter" dataKey="score" stroke="#2353c8" dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
