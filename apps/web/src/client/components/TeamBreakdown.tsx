import { Link } from "wouter";
import type { Rollup } from "../lib/api-types.ts";
import { formatSigned } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { axisList } from "../lib/vocabulary.ts";
import { AxisHeaders } from "./AxisHeaders.tsx";
import { VirtualTable } from "./VirtualTable.tsx";

/** Each team's classical − LLM/agent gap per axis; the widest gaps first (many teams scroll in a box). */
export function TeamBreakdown({ rollups }: { rollups: readonly Rollup[] }) {
  const teams = rollups
    .filter((row) => row.team !== null)
    .map((row) => {
      const gaps = axisList.map((axis) => row.trackGap[axis]).filter((gap): gap is number => gap != null);
      return { row, widest: gaps.length ? Math.max(...gaps) : null };
    })
    .sort((a, b) => (b.widest ?? -Infinity) - (a.widest ?? -Infinity));
  if (teams.length === 0) return <p className="muted">No team rollups yet.</p>;
  return (
    <VirtualTable
      caption="Gap per team (classical median − LLM/agent median); “—” where a team lacks one of the tracks"
      rows={teams}
      rowKey={({ row }) => row.scope}
      columns={axisList.length + 2}
      estimateRowHeight={34}
      head={
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Systems</th>
          <AxisHeaders />
        </tr>
      }
      renderRow={({ row }, rowProps) => (
        <tr {...rowProps}>
          <th scope="row">
            <Link href={paths.team(row.team!)}>{row.team}</Link>
          </th>
          <td className="number">{row.systemCount}</td>
          {axisList.map((axis) => (
            <td key={axis} className="number">
              {formatSigned(row.trackGap[axis])}
            </td>
          ))}
        </tr>
      )}
    />
  );
}
