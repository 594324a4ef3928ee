import { Link } from "wouter";
import type { OverviewSystem } from "../lib/api-types.ts";
import { formatScore, formatSigned } from "../lib/format.ts";
import { levelColour, levelName } from "../lib/levels.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels, axisList, axisShortLabels, systemKindLabels } from "../lib/vocabulary.ts";

interface Props {
  systems: readonly OverviewSystem[];
  caption: string;
  /** Hide the team column on a team's own page. */
  showTeam?: boolean;
}

/**
 * Systems × axes, one cell per axis score. A cell shows its level number, is coloured by level,
 * and reveals the score and 30-day trend on hover and on keyboard focus (it is a link).
 */
export function HeatMap({ systems, caption, showTeam = true }: Props) {
  if (systems.length === 0) {
    return <p className="muted">No systems match these filters. Clear a filter to see more.</p>;
  }
  return (
    <div className="table-scroll" data-testid="heatmap">
      <table className="heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            {showTeam ? (
              <th scope="col" className="col-team">
                Team
              </th>
            ) : null}
            <th scope="col" className="col-kind">
              Kind
            </th>
            {axisList.map((axis) => (
              <th scope="col" key={axis} className="axis-head">
                <span className="label-long">{axisLabels[axis]}</span>
                <abbr className="label-short" title={axisLabels[axis]}>
                  {axisShortLabels[axis]}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {systems.map((system) => (
            <tr key={system.systemId}>
              <th scope="row">
                <Link href={paths.system(system.systemId)}>{system.name}</Link>
              </th>
              {showTeam ? (
                <td className="col-team">
                  <Link href={paths.team(system.team)}>{system.team}</Link>
                </td>
              ) : null}
              <td className="col-kind">{systemKindLabels[system.kind]}</td>
              {axisList.map((axis) => {
                const cell = system.axes[axis];
                const tipId = `tip-${system.systemId}-${axis}`;
                return (
                  <td key={axis} className="heat-cell" style={{ background: levelColour(cell.level) }}>
                    <Link
                      href={paths.system(system.systemId, { axis })}
                      className="heat-link"
                      aria-label={`${system.name}, ${axisLabels[axis]}: level ${cell.level}`}
                      aria-describedby={tipId}
                    >
                      {cell.level}
                    </Link>
                    <span role="tooltip" id={tipId} className="heat-tip">
                      {axisLabels[axis]}: score {formatScore(cell.score)} ({levelName(cell.level)})
                      {cell.trend === null ? "" : `, ${formatSigned(cell.trend)} in 30 days`}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
