import { Link } from "wouter";
import type { GroupRow } from "../hooks/useTeamGroupRows.ts";
import { paths } from "../lib/paths.ts";
import { axisList, systemKindLabels } from "../lib/vocabulary.ts";
import { AxisHeaders } from "./AxisHeaders.tsx";
import { HeatCells } from "./HeatCells.tsx";
import { LevelDistributionCell } from "./LevelDistributionCell.tsx";
import { LoadMoreRow } from "./LoadMoreRow.tsx";
import { RiskHeadline } from "./RiskHeadline.tsx";
import { VirtualTable, type VirtualRowProps } from "./VirtualTable.tsx";

interface Props {
  rows: readonly GroupRow[];
  caption: string;
  onToggle: (team: string) => void;
}

const columns = axisList.length + 3;

function rowKey(row: GroupRow): string {
  switch (row.type) {
    case "team":
      return `team:${row.summary.team}`;
    case "system":
      return `system:${row.team}:${row.system.systemId}`;
    case "more-teams":
      return "more-teams";
    default:
      return `${row.type}:${row.team}`;
  }
}

/**
 * One row per team summarising its systems per axis, with its top risk; an expanded team's systems
 * below it with their levels. Virtual: only the rows in view are rendered, however many there are.
 */
export function TeamGroupsTable({ rows, caption, onToggle }: Props) {
  const renderRow = (row: GroupRow, rowProps: VirtualRowProps) => {
    switch (row.type) {
      case "team": {
        const { team, systems, axes, topRisk } = row.summary;
        return (
          <tr {...rowProps} className="group-team" data-team={team}>
            <th scope="row">
              <button
                type="button"
                className="group-toggle"
                aria-expanded={row.open}
                aria-label={`${row.open ? "Hide" : "Show"} the systems of team ${team}`}
                onClick={() => onToggle(team)}
              >
                {row.open ? "▾" : "▸"}
              </button>{" "}
              <Link href={paths.team(team)}>{team}</Link>
            </th>
            <td className="number col-kind">{systems}</td>
            {axisList.map((axis) => (
              <LevelDistributionCell key={axis} axis={axis} distribution={axes[axis]} />
            ))}
            <td className="col-risk">
              <RiskHeadline risk={topRisk} />
            </td>
          </tr>
        );
      }
      case "system": {
        const { system } = row;
        return (
          <tr {...rowProps} className="group-system" data-team={row.team}>
            <th scope="row" className="group-indent">
              <Link href={paths.system(system.systemId)}>{system.name}</Link>
            </th>
            <td className="col-kind small">{systemKindLabels[system.kind]}</td>
            <HeatCells systemId={system.systemId} systemName={system.name} axes={system.axes} />
            <td className="col-risk">
              <RiskHeadline risk={system.topRisk} />
            </td>
          </tr>
        );
      }
      case "note":
        return (
          <tr {...rowProps}>
            <td colSpan={columns} className={row.error ? "group-indent error" : "group-indent muted"}>
              {row.text}
            </td>
          </tr>
        );
      case "more-systems":
        return (
          <LoadMoreRow
            rowProps={rowProps}
            columns={columns}
            label={`Show more of team ${row.team} (${row.shown} of ${row.total} shown)`}
            load={row.load}
          />
        );
      case "more-teams":
        return (
          <LoadMoreRow
            rowProps={rowProps}
            columns={columns}
            label="Show more teams"
            loading={row.loading}
            load={row.load}
          />
        );
    }
  };
  return (
    <VirtualTable
      testId="team-groups"
      className="heatmap team-groups"
      caption={caption}
      rows={rows}
      rowKey={rowKey}
      renderRow={renderRow}
      columns={columns}
      estimateRowHeight={(row) => (row.type === "team" ? 52 : 34)}
      // Rows come and go as teams open: always in a box of its own, so the page never jumps.
      virtualiseAbove={0}
      head={
        <tr>
          <th scope="col">Team / system</th>
          <th scope="col" className="col-kind">
            Systems
          </th>
          <AxisHeaders />
          <th scope="col" className="col-risk">
            Top risk
          </th>
        </tr>
      }
    />
  );
}
