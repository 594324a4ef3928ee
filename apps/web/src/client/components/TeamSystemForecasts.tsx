import { Link } from "wouter";
import type { MemberForecast } from "../lib/api-types.ts";
import { axisForecastShort, paceExplanations } from "../lib/forecast.ts";
import { paths } from "../lib/paths.ts";
import { axisList, systemKindLabels } from "../lib/vocabulary.ts";
import { AxisHeaders } from "./AxisHeaders.tsx";
import { VirtualTable } from "./VirtualTable.tsx";

/** Each system of a team, per axis: when its next level is expected, or why no date is given. */
export function TeamSystemForecasts({ systems }: { systems: readonly MemberForecast[] }) {
  if (systems.length === 0) return <p className="muted">No systems to forecast.</p>;
  return (
    <VirtualTable
      testId="team-system-forecasts"
      className="compact"
      caption="Next level per system and axis at its present pace; “behind”: longer than usual"
      rows={systems}
      rowKey={(system) => system.systemId}
      columns={axisList.length + 1}
      estimateRowHeight={44}
      head={
        <tr>
          <th scope="col">System</th>
          <AxisHeaders />
        </tr>
      }
      renderRow={(system, rowProps) => (
        <tr {...rowProps}>
          <th scope="row">
            <Link href={paths.system(system.systemId)}>{system.name}</Link>{" "}
            <span className="muted small">{systemKindLabels[system.kind]}</span>
          </th>
          {axisList.map((axis) => {
            const forecast = system.axes[axis];
            return (
              <td key={axis} className={`small forecast-${forecast.status}`}>
                {axisForecastShort(forecast)}
                {forecast.pace === "behind" ? (
                  <>
                    {" "}
                    <span className="verdict pace-behind" title={paceExplanations.behind}>
                      behind
                    </span>
                  </>
                ) : null}
              </td>
            );
          })}
        </tr>
      )}
    />
  );
}
