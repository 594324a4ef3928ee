import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";

/** The org overview with 30-day trends; shared by the org, team and executive pages. */
export function useOverview() {
  return useQuery(trpc.org.overview.queryOptions({ trendDays: 30 }));
}
