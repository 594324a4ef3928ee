import { useEffect, useId, useState } from "react";
import type { GroupSort } from "../lib/api-types.ts";
import { groupSortLabels, groupSorts } from "../lib/group-sorts.ts";

interface Props {
  search: string | undefined;
  onSearch: (search: string | undefined) => void;
  sort: GroupSort;
  onSort: (sort: GroupSort) => void;
}

// Typing settles before the URL (and the query) follows it.
const settleMs = 250;

/** The search over system and team names, and the order of the teams and their systems. */
export function TeamGroupsToolbar({ search, onSearch, sort, onSort }: Props) {
  const searchId = useId();
  const sortId = useId();
  const [text, setText] = useState(search ?? "");
  // Follow the URL when it changes from elsewhere (back, a link), not while it catches up with typing.
  const [seen, setSeen] = useState(search);
  if (search !== seen) {
    setSeen(search);
    if ((search ?? "") !== text.trim()) setText(search ?? "");
  }
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === (search ?? "")) return;
    const timer = setTimeout(() => onSearch(wanted === "" ? undefined : wanted), settleMs);
    return () => clearTimeout(timer);
  }, [text, search, onSearch]);

  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="filter">
        <label htmlFor={searchId}>Search systems and teams</label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder="Part of a name or id"
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="filter">
        <label htmlFor={sortId}>Order</label>
        <select id={sortId} value={sort} onChange={(event) => onSort(event.target.value as GroupSort)}>
          {groupSorts.map((option) => (
            <option key={option} value={option}>
              {groupSortLabels[option]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
