import { coverageBands } from "../lib/compliance.ts";
import { levelColour } from "../lib/levels.ts";

/**
 * The colour key of the clause × tier table: the heat map's colours, for the share of systems with
 * the clause supported (a partly evidenced one counting half).
 */
export function CoverageLegend() {
  return (
    <>
      <p className="small muted">
        Colour: the share of the tier's systems with the clause supported, a partly evidenced one counting
        half.
      </p>
      <ul className="legend" aria-label="Cell colours">
        {coverageBands.map(({ level, label }) => (
          <li key={level}>
            <span className="legend-swatch" style={{ background: levelColour(level) }}>
              &nbsp;
            </span>
            {label}
          </li>
        ))}
        <li>
          <span className="legend-swatch gap-swatch">gap</span>
          high-risk systems short of support
        </li>
      </ul>
    </>
  );
}
