import { Link } from "wouter";
import { formatScore, formatSigned } from "../lib/format.ts";
import type { Move } from "../lib/api-types.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels } from "../lib/vocabulary.ts";

/** A short list of system × axis score changes, with the size of the change spelled out. */
export function MoversList({ moves, empty }: { moves: readonly Move[]; empty: string }) {
  if (moves.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="movers">
      {moves.map((move) => (
        <li key={`${move.systemId}/${move.axis}`}>
          <Link href={paths.system(move.systemId, { axis: move.axis })}>{move.name}</Link>{" "}
          <span className="muted">{axisLabels[move.axis]}</span>{" "}
          <strong className={move.trend > 0 ? "up" : "down"}>
            {move.trend > 0 ? "▲" : "▼"} {formatSigned(move.trend)}
          </strong>{" "}
          <span className="muted small">now {formatScore(move.score)}</span>
        </li>
      ))}
    </ol>
  );
}
