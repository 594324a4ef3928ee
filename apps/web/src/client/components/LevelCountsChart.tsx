import type { SystemKind } from "@maturity/model";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisCategoryProps, barChartMargin } from "../lib/chart-props.ts";
import type { Overview } from "../lib/api-types.ts";
import { levelColours, levelNames } from "../lib/levels.ts";
import { axisLabels, axisList, systemKindLabels } from "../lib/vocabulary.ts";

interface Props {
  levelCounts: Overview["levelCounts"];
  track: SystemKind;
}

const levels = [1, 2, 3, 4, 5] as const;

/** How many systems of one track sit at each level, per axis: stacked bars, plus the same as a table. */
export function LevelCountsChart({ levelCounts, track }: Props) {
  const rows = axisList.map((axis) => ({
    axis: axisLabels[axis],
    ...Object.fromEntries(levels.map((level) => [`L${level}`, levelCounts[track][axis][level - 1] ?? 0])),
  }));
  const total = levelCounts[track].reproducibility.reduce((sum, count) => sum + count, 0);
  const headingId = `level-counts-${track}`;
  return (
    <figure className="chart-card" aria-labelledby={headingId}>
      <figcaption id={headingId}>
        {systemKindLabels[track]} ({total} systems)
      </figcaption>
      {total === 0 ? (
        <p className="muted">No {systemKindLabels[track]} systems.</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows} margin={barChartMargin}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis {...axisCategoryProps} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {levels.map((level) => (
              <Bar
                key={level}
                dataKey={`L${level}`}
                name={`L${level} ${levelNames[level]}`}
                stackId="levels"
                fill={levelColours[level]}
                stroke="#5a6275"
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      <details>
        <summary>Show as a table</summary>
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Axis</th>
              {levels.map((level) => (
                <th scope="col" key={level}>
                  L{level}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axisList.map((axis) => (
              <tr key={axis}>
                <th scope="row">{axisLabels[axis]}</th>
                {levels.map((level) => (
                  <td key={level} className="number">
                    {levelCounts[track][axis][level - 1] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
