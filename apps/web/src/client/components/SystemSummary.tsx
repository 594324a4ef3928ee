import type { Axis, AxisScore } from "@maturity/model";
import { axisLabels, axisList } from "../lib/vocabulary.ts";
import { LevelBadge } from "./LevelBadge.tsx";

/** The five axes at a glance, each a link to its section below. */
export function SystemSummary({ axes }: { axes: Record<Axis, AxisScore> }) {
  return (
    <ul className="axis-summary" aria-label="Axis levels">
      {axisList.map((axis) => (
        <li key={axis}>
          <a href={`#section-${axis}`}>{axisLabels[axis]}</a>{" "}
          <LevelBadge level={axes[axis].level} score={axes[axis].score} />
        </li>
      ))}
    </ul>
  );
}
