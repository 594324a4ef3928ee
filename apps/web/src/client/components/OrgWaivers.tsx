import { Link } from "wouter";
import type { OrgWaivers as Waivers } from "../lib/api-types.ts";
import { formatDateTime, formatTimeUntil } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

/**
 * The waivers in force across the organisation: how many per team (and how many of its systems hold
 * one), the total, and each waiver with its approver and expiry.
 */
export function OrgWaivers({ data, team }: { data: Waivers; team: string | undefined }) {
  if (data.total === 0)
    return <p className="muted">No waivers in force: every criterion is judged on its evidence.</p>;
  const listed = team === undefined ? data.waivers : data.waivers.filter((waiver) => waiver.team === team);
  return (
    <>
      <div className="table-scroll">
        <table className="compact" data-testid="org-waivers">
          <caption>
            {data.total} waiver{data.total === 1 ? "" : "s"} in force across the organisation, per team
          </caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Waivers</th>
              <th scope="col">Systems with one</th>
            </tr>
          </thead>
          <tbody>
            {data.teams.map((row) => (
              <tr key={row.team} className={row.team === team ? "selected" : undefined}>
                <th scope="row">
                  <Link href={paths.team(row.team)}>{row.team}</Link>
                </th>
                <td className="number">{row.waivers}</td>
                <td className="number">{row.systems}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="number" data-testid="org-waivers-total">
                {data.total}
              </td>
              <td className="number">{data.teams.reduce((sum, row) => sum + row.systems, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <details>
        <summary className="small">
          Each waiver{team === undefined ? "" : ` of team ${team}`} ({listed.length}), soonest expiry first
        </summary>
        <ul className="waiver-list">
          {listed.map((waiver) => (
            <li key={waiver.eventId}>
              <Link href={paths.system(waiver.systemId)}>{waiver.name}</Link> ·{" "}
              <code>{waiver.criterionId}</code>{" "}
              <span className="small">
                approved by {waiver.approver}; expires {formatTimeUntil(waiver.expiresAt)} (
                {formatDateTime(waiver.expiresAt)})
              </span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
