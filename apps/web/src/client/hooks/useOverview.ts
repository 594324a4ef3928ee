import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";

/**
 * The org overview with 30-day trends, now or (with `asOf`, an ISO instant) as it was then, of the
 * whole organisation or (with `team`) of one team; shared by the org and team pages.
 */
export function useOverview({ asOf, team }: { asOf?: string; team?: string } = {}) {
  return useQuery({
    ...trpc.org.overview.queryOptions({ trendDays: 30, asOf, team }),
    // Keep the current map on screen while another day is recomputed.
    placeholderData: keepPreviousData,
  });
}
