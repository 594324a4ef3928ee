import { formatScore } from "../lib/format.ts";
import { levelColour, levelName } from "../lib/levels.ts";

interface Props {
  level: number;
  score?: number;
}

/** A level as a coloured chip that always spells out the number (and the score when given). */
export function LevelBadge({ level, score }: Props) {
  return (
    <span className="level-badge" style={{ background: levelColour(level) }} title={levelName(level)}>
      L{level}
      {score === undefined ? null : <span className="level-badge-score"> · {formatScore(score)}</span>}
    </span>
  );
}
