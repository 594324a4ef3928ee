import type { GroupSort } from "./api-types.ts";

/** The orders of the organisation page's teams (and their systems), as the sort control names them. */
export const groupSortLabels: Record<GroupSort, string> = {
  worst: "Weakest axis first",
  risk: "Top risk first",
  name: "Name",
};

/** The server's default order, kept out of the URL. */
export const defaultGroupSort: GroupSort = "worst";

export const groupSorts = Object.keys(groupSortLabels) as GroupSort[];
