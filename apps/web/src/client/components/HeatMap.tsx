import { Link } from "wouter";
import type { OverviewSystem } from "../lib/api-types.ts";
import { paths } from "../lib/paths.ts";
import { axisList, systemKindLabels } from "../lib/vocabulary.ts";
import { AxisHeaders } from "./AxisHeaders.tsx";
import { HeatCells } from "./HeatCells.tsx";
import { VirtualTable } from "./VirtualTable.tsx";

interface Props {
  systems: readonly OverviewSystem[];
  caption: string;
  /** Hide the team column on a team's own page. */
  showTeam?: boolean;
}

/**
 * Systems × axes, one cell per axis score. A cell shows its level number, is coloured by level,
 * and reveals the score and 30-day trend on hover and on keyboard focus (it is a link). Thousands
 * of systems scroll in a box of their own, only the rows in view rendered.
 */
export function HeatMap({ systems, caption, showTeam = true }: Props) {
  if (systems.length === 0) {
    return <p className="muted">No systems match these filters. Clear a filter to see more.</p>;
  }
  return (
    <VirtualTable
      testId="heatmap"
      className="heatmap"
      caption={caption}
      rows={systems}
      rowKey={(system) => system.systemId}
      columns={axisList.length + (showTeam ? 3 : 2)}
      estimateRowHeight={34}
      head={
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
          <AxisHeaders />
        </tr>
      }
      renderRow={(system, rowProps) => (
        <tr {...rowProps}>
          <th scope="row">
            <Link href={paths.system(system.systemId)}>{system.name}</Link>
          </th>
          {showTeam ? (
            <td className="col-team">
              <Link href={paths.team(system.team)}>{system.team}</Link>
            </td>
          ) : null}
          <td className="col-kind">{systemKindLabels[system.kind]}</td>
          <HeatCells systemId={system.systemId} systemName={system.name} axes={system.axes} />
        </tr>
      )}
    />
  );
}
