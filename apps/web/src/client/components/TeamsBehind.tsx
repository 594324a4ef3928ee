import { Link } from "wouter";
import type { TeamBehindView } from "../lib/api-types.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels } from "../lib/vocabulary.ts";

/** How many named system axes a row lists before "and N more". */
const named = 3;

/**
 * The teams furthest behind their forecast: how many of their systems' axes have sat at their level
 * longer than the step usually takes (or are forecast to), or are declining; most first.
 */
export function TeamsBehind({ teams, total }: { teams: readonly TeamBehindView[]; total: number }) {
  if (teams.length === 0)
    return (
      <p className="muted" data-testid="teams-behind-none">
        No team has a system axis behind the usual pace or declining.
      </p>
    );
  return (
    <div className="table-scroll" data-testid="teams-behind">
      <table>
        <caption>
          {total > teams.length ? `The ${teams.length} of ${total} teams` : "Teams"} with system axes behind
          the usual time for their step, or declining; furthest behind first
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Systems</th>
            <th scope="col">Axes behind</th>
            <th scope="col">Axes declining</th>
            <th scope="col">Which</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.team}>
              <th scope="row">
                <Link href={paths.team(team.team)}>{team.team}</Link>
              </th>
              <td className="number">{team.systems}</td>
              <td className="number">{team.behind}</td>
              <td className="number">{team.declining}</td>
              <td className="small">
                {team.axes.slice(0, named).map((entry, index) => (
                  <span key={`${entry.systemId}/${entry.axis}`}>
                    {index > 0 ? "; " : ""}
                    <Link href={paths.system(entry.systemId, { axis: entry.axis })}>{entry.name}</Link>{" "}
                    {axisLabels[entry.axis].toLowerCase()}{" "}
                    {[
                      entry.pace === "behind" ? "behind" : null,
                      entry.status === "declining" ? "declining" : null,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </span>
                ))}
                {team.axes.length > named ? `; and ${team.axes.length - named} more` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
