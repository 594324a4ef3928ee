import type { HistoryRow } from "../lib/api-types.ts";
import { formatDateTime, formatScore } from "../lib/format.ts";
import { causeLabels } from "./ScoreHistoryChart.tsx";

/** How many of the newest changes the table lists; the chart draws them all. */
const shown = 12;

/** The newest score changes of one axis, each with its cause and the rubric or policy that computed it. */
export function ScoreHistoryTable({ rows, label }: { rows: readonly HistoryRow[]; label: string }) {
  if (rows.length === 0) return null;
  const newest = [...rows].reverse().slice(0, shown);
  return (
    <details className="history-table">
      <summary className="small">Score changes, with cause and rubric ({rows.length})</summary>
      <div className="table-scroll">
        <table className="compact">
          <caption>
            {label}: the {newest.length === rows.length ? "" : `${newest.length} newest of ${rows.length} `}
            score changes, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Score</th>
              <th scope="col">Cause</th>
              <th scope="col">Rubric</th>
            </tr>
          </thead>
          <tbody>
            {newest.map((row) => (
              <tr key={row.id} data-cause={row.cause}>
                <td>{formatDateTime(row.at)}</td>
                <td className="nowrap">
                  L{row.level} · {formatScore(row.score)}
                </td>
                <td>
                  {causeLabels[row.cause]}
                  {row.causeEventId !== null ? (
                    <>
                      <br />
                      <code className="small cause-event">{row.causeEventId}</code>
                    </>
                  ) : null}
                </td>
                <td>
                  <code className="small">{row.rubricVersion}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
