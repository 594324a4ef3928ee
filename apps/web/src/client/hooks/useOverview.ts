import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";

/**
 * The org overview with 30-day trends, now or (with `asOf`, an ISO instant) as it was then;
 * shared by the org, team and executive pages.
 */
export function useOverview(asOf?: string) {
  return useQuery({
    ...trpc.org.overview.queryOptions({ trendDays: 30, asOf }),
    // Keep the current map on screen while another day is recomputed.
    placeholderData: keepPreviousData,
  });
}
