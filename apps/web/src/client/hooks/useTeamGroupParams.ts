import type { GroupSort } from "../lib/api-types.ts";
import { defaultGroupSort, groupSorts } from "../lib/group-sorts.ts";
import { oneOf } from "../lib/vocabulary.ts";
import { useUrlParam } from "./useUrlParam.ts";
import { useUrlParamList } from "./useUrlParamList.ts";

/**
 * The organisation page's teams view, in the URL like its filters: the search (`q`), the order
 * (`sort`, absent for the default) and which teams are expanded (`open`, repeated), so a link
 * reproduces what its sender saw.
 */
export function useTeamGroupParams() {
  const [search, setSearch] = useUrlParam("q");
  const [sortParam, setSortParam] = useUrlParam("sort");
  const [open, setOpen] = useUrlParamList("open");
  return {
    search,
    sort: oneOf(groupSorts, sortParam) ?? defaultGroupSort,
    open,
    setSearch,
    setSort: (sort: GroupSort) => setSortParam(sort === defaultGroupSort ? undefined : sort),
    toggle: (team: string) =>
      setOpen(open.includes(team) ? open.filter((name) => name !== team) : [...open, team]),
  };
}
