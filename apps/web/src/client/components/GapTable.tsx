import type { ExecutivePoint } from "../lib/api-types.ts";
import { formatScore, formatSigned } from "../lib/format.ts";
import { axisLabels, axisList } from "../lib/vocabulary.ts";

/** Latest medians and gap per axis, and whether the gap closed or widened since the first week shown. */
export function GapTable({ points }: { points: readonly ExecutivePoint[] }) {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return <p className="muted">No score history yet.</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>Classical vs LLM/agent, now and the change over {points.length} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Axis</th>
            <th scope="col">Classical</th>
            <th scope="col">LLM/agent</th>
            <th scope="col">Gap</th>
            <th scope="col">Gap change</th>
          </tr>
        </thead>
        <tbody>
          {axisList.map((axis) => {
            const now = last.gap[axis];
            const then = first.gap[axis];
            const change = now === null || then === null ? null : Math.round((now - then) * 100) / 100;
            const verdict =
              change === null
                ? "no data"
                : Math.abs(change) < 0.05
                  ? "steady"
                  : Math.abs(now!) < Math.abs(then!)
                    ? "closing"
                    : "widening";
            return (
              <tr key={axis}>
                <th scope="row">{axisLabels[axis]}</th>
                <td className="number">{formatScore(last.classical[axis])}</td>
                <td className="number">{formatScore(last.llm[axis])}</td>
                <td className="number">{formatSigned(now)}</td>
                <td>
                  {formatSigned(change)} <span className={`verdict verdict-${verdict}`}>{verdict}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
