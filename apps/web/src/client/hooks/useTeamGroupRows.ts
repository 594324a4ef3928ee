import { keepPreviousData, useInfiniteQuery, useQueries } from "@tanstack/react-query";
import { useState } from "react";
import type { GroupCursor, TeamGroupsInput, TeamSummary, TeamSystem } from "../lib/api-types.ts";
import { trpc } from "../trpc.ts";

const teamsPerPage = 50;
const systemsPerPage = 100;

/** One row of the teams table: a team, one of its systems, or where more can be loaded. */
export type GroupRow =
  | { type: "team"; summary: TeamSummary; open: boolean }
  | { type: "system"; team: string; system: TeamSystem }
  | { type: "note"; team: string; text: string; error: boolean }
  | { type: "more-systems"; team: string; shown: number; total: number; load: () => void }
  | { type: "more-teams"; loading: boolean; load: () => void };

const sameCursor = (a: GroupCursor, b: GroupCursor) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The teams matching `input`, a page at a time, and below each team in `open` its systems, a
 * page at a time: flattened into the rows the table renders. Pages past the first are asked for
 * through the `load` of the row that stands for them.
 */
export function useTeamGroupRows(input: TeamGroupsInput, open: readonly string[]) {
  const teams = useInfiniteQuery({
    ...trpc.teams.summaries.infiniteQueryOptions(
      { ...input, limit: teamsPerPage },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    // Keep the current rows on screen while another search or order is read.
    placeholderData: keepPreviousData,
  });

  // The cursors of each open team's pages after its first; forgotten when the view changes.
  const scope = JSON.stringify(input);
  const [later, setLater] = useState<{ scope: string; cursors: Record<string, GroupCursor[]> }>({
    scope,
    cursors: {},
  });
  const cursors = later.scope === scope ? later.cursors : {};
  const loadSystems = (team: string, cursor: GroupCursor) =>
    setLater((previous) => {
      const current = previous.scope === scope ? previous.cursors : {};
      const list = current[team] ?? [];
      // A row's load may run twice (a strict-mode remount): ask for each page once.
      if (list.some((known) => sameCursor(known, cursor))) return previous;
      return { scope, cursors: { ...current, [team]: [...list, cursor] } };
    });

  const loaded = teams.data?.pages.flatMap((page) => page.teams) ?? [];
  const openTeams = loaded.filter((summary) => open.includes(summary.team)).map((summary) => summary.team);
  const requests = openTeams.flatMap((team) =>
    [undefined, ...(cursors[team] ?? [])].map((cursor) => ({ team, cursor })),
  );
  const systemPages = useQueries({
    queries: requests.map(({ team, cursor }) =>
      trpc.teams.systems.queryOptions({ ...input, team, cursor, limit: systemsPerPage }),
    ),
  });

  const rows: GroupRow[] = [];
  let next = 0;
  for (const summary of loaded) {
    const isOpen = open.includes(summary.team);
    rows.push({ type: "team", summary, open: isOpen });
    if (!isOpen) continue;
    const team = summary.team;
    const pages = systemPages.slice(next, next + 1 + (cursors[team]?.length ?? 0));
    next += pages.length;
    let shown = 0;
    for (const page of pages) {
      for (const system of page.data?.systems ?? []) rows.push({ type: "system", team, system });
      shown += page.data?.systems.length ?? 0;
    }
    const failed = pages.find((page) => page.isError);
    const last = pages.at(-1)?.data;
    if (failed !== undefined) {
      rows.push({
        type: "note",
        team,
        text: `Could not load the systems of team ${team}: ${failed.error?.message ?? "unknown error"}`,
        error: true,
      });
    } else if (pages.some((page) => page.isPending)) {
      rows.push({ type: "note", team, text: `Loading the systems of team ${team}…`, error: false });
    } else if (last?.nextCursor) {
      const cursor = last.nextCursor;
      rows.push({
        type: "more-systems",
        team,
        shown,
        total: last.total,
        load: () => loadSystems(team, cursor),
      });
    }
  }
  if (teams.hasNextPage) {
    rows.push({
      type: "more-teams",
      loading: teams.isFetchingNextPage,
      load: () => void teams.fetchNextPage({ cancelRefetch: false }),
    });
  }
  return { teams, rows };
}
