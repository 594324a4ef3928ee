import type { useOrgFilters } from "../hooks/useOrgFilters.ts";
import { useTeamGroupParams } from "../hooks/useTeamGroupParams.ts";
import { useTeamGroupRows } from "../hooks/useTeamGroupRows.ts";
import { groupSortLabels } from "../lib/group-sorts.ts";
import { QueryState } from "./QueryState.tsx";
import { TeamGroupsTable } from "./TeamGroupsTable.tsx";
import { TeamGroupsToolbar } from "./TeamGroupsToolbar.tsx";

interface Props {
  filters: ReturnType<typeof useOrgFilters>["values"];
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;

/**
 * The organisation's systems grouped by team, searched, ordered and paged by the server: a row per
 * team, expandable to its systems. The page's filters apply; the search, order and expanded teams
 * are in the URL too.
 */
export function TeamGroups({ filters }: Props) {
  const params = useTeamGroupParams();
  const { teams, rows } = useTeamGroupRows(
    { ...filters, search: params.search, sort: params.sort },
    params.open,
  );
  return (
    <section aria-labelledby="groups-heading" className="panel wide">
      <h2 id="groups-heading">Systems by team</h2>
      <TeamGroupsToolbar
        search={params.search}
        onSearch={params.setSearch}
        sort={params.sort}
        onSort={params.setSort}
      />
      <QueryState query={teams} what="the teams">
        {(data) => {
          const first = data.pages[0];
          if (first === undefined || first.totalTeams === 0) {
            return (
              <p className="muted" role="status">
                {params.search === undefined
                  ? "No system matches these filters. Clear a filter to see more."
                  : `No system or team name contains “${params.search}”.`}
              </p>
            );
          }
          return (
            <>
              <p className="muted small" role="status" data-testid="team-groups-total">
                {plural(first.totalTeams, "team")} with {plural(first.totalSystems, "system")}
                {params.search === undefined ? "" : ` matching “${params.search}”`}
              </p>
              <TeamGroupsTable
                rows={rows}
                onToggle={params.toggle}
                caption={`Teams, ${groupSortLabels[params.sort].toLowerCase()}: each axis coloured by its median level, with the worst and the spread over levels; expand a team for its systems`}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
