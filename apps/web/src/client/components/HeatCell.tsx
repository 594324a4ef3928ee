import type { Axis } from "@maturity/model";
import { useId } from "react";
import { Link } from "wouter";
import { formatScore, formatSigned } from "../lib/format.ts";
import { levelColour, levelName } from "../lib/levels.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels } from "../lib/vocabulary.ts";

interface Props {
  systemId: string;
  systemName: string;
  axis: Axis;
  score: number;
  level: number;
  /** The change over the trend window; absent where the view has none. */
  trend?: number | null;
}

/**
 * One system's level on one axis: the number on the level's colour, linking to that axis on the
 * system's page; the score (and trend) shown on hover and on keyboard focus.
 */
export function HeatCell({ systemId, systemName, axis, score, level, trend }: Props) {
  // The same system may show in two tables on one page: ids from React stay unique.
  const tipId = useId();
  return (
    <td className="heat-cell" style={{ background: levelColour(level) }}>
      <Link
        href={paths.system(systemId, { axis })}
        className="heat-link"
        aria-label={`${systemName}, ${axisLabels[axis]}: level ${level}`}
        aria-describedby={tipId}
      >
        {level}
      </Link>
      <span role="tooltip" id={tipId} className="heat-tip">
        {axisLabels[axis]}: score {formatScore(score)} ({levelName(level)})
        {trend == null ? "" : `, ${formatSigned(trend)} in 30 days`}
      </span>
    </td>
  );
}
