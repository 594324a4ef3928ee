import type { SystemKind } from "@maturity/model";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisCategoryProps, barChartMargin } from "../lib/chart-props.ts";
import type { Rollup } from "../lib/api-types.ts";
import { formatScore, formatSigned } from "../lib/format.ts";
import { axisLabels, axisList, systemKindLabels, systemKinds } from "../lib/vocabulary.ts";

const trackColours: Record<SystemKind, string> = { classical: "#2353c8", llm: "#c2410c", agent: "#7c3aed" };

/** Median score per axis of each track, and the classical − LLM/agent gap, as bars and a table. */
export function TrackGapChart({ rollup }: { rollup: Rollup }) {
  const rows = axisList.map((axis) => ({
    axis: axisLabels[axis],
    ...Object.fromEntries(systemKinds.map((track) => [track, rollup.tracks[track]?.[axis] ?? null])),
  }));
  return (
    <figure className="chart-card">
      <figcaption>Median score per axis, by track</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={barChartMargin}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis {...axisCategoryProps} />
          <YAxis domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {systemKinds.map((track) => (
            <Bar
              key={track}
              dataKey={track}
              name={systemKindLabels[track]}
              fill={trackColours[track]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <div className="table-scroll">
        <table className="compact">
          <caption className="visually-hidden">Median score per axis by track, and the gap</caption>
          <thead>
            <tr>
              <th scope="col">Axis</th>
              {systemKinds.map((track) => (
                <th scope="col" key={track}>
                  {systemKindLabels[track]}
                </th>
              ))}
              <th
                scope="col"
                title="Classical median minus the LLM and agent median; positive means LLM operations lag"
              >
                Gap
              </th>
            </tr>
          </thead>
          <tbody>
            {axisList.map((axis) => (
              <tr key={axis}>
                <th scope="row">{axisLabels[axis]}</th>
                {systemKinds.map((track) => (
                  <td key={track} className="number">
                    {formatScore(rollup.tracks[track]?.[axis])}
                  </td>
                ))}
                <td className="number">{formatSigned(rollup.trackGap[axis])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Gap = classical median − median of LLM and agent systems together; positive means LLM operations lag
        behind.
      </p>
    </figure>
  );
}
