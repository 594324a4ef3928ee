import type { Axis } from "@maturity/model";
import type { TeamSummary } from "../lib/api-types.ts";
import { levelColour } from "../lib/levels.ts";
import { axisLabels } from "../lib/vocabulary.ts";

interface Props {
  axis: Axis;
  distribution: TeamSummary["axes"][Axis];
}

/** How a team's systems spread over the levels on one axis, e.g. "median level 2, worst 1; 3 at level 1, …". */
export function distributionText(axis: Axis, { counts, median, worst }: Props["distribution"]): string {
  const spread = counts.flatMap((count, index) => (count === 0 ? [] : [`${count} at level ${index + 1}`]));
  return `${axisLabels[axis]}: median level ${median}, worst ${worst}; ${spread.join(", ")}`;
}

/**
 * A team's systems on one axis: coloured by their median level, which it shows with the worst
 * level beside it, over a bar of how many sit at each level; the counts in words on hover and for
 * screen readers.
 */
export function LevelDistributionCell({ axis, distribution }: Props) {
  const text = distributionText(axis, distribution);
  return (
    <td className="group-cell" style={{ background: levelColour(distribution.median) }} title={text}>
      <span aria-hidden="true">
        <span className="group-median">{distribution.median}</span>{" "}
        <span className="group-worst">min {distribution.worst}</span>
        <span className="level-bar">
          {distribution.counts.map((count, index) =>
            count === 0 ? null : (
              <span key={index} style={{ flexGrow: count, background: levelColour(index + 1) }} />
            ),
          )}
        </span>
      </span>
      <span className="visually-hidden">{text}</span>
    </td>
  );
}
