import { levelColours, levelNames } from "../lib/levels.ts";

/** The level colour key, with names, so the heat map reads without guessing. */
export function LevelLegend() {
  return (
    <ul className="legend" aria-label="Level colours">
      {Object.entries(levelNames).map(([level, name]) => (
        <li key={level}>
          <span className="legend-swatch" style={{ background: levelColours[Number(level)] }}>
            {level}
          </span>
          {name}
        </li>
      ))}
    </ul>
  );
}
