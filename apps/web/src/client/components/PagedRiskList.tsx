import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RiskPageFilter } from "../lib/api-types.ts";
import { trpc } from "../trpc.ts";
import { QueryState } from "./QueryState.tsx";
import { RiskList } from "./RiskList.tsx";

interface Props {
  filter: RiskPageFilter;
  pageSize?: number;
  /** What the risk list is, for the loading and error messages. */
  what: string;
  empty: string;
}

/**
 * Ranked risks a page at a time (the server pages by rank), with the position and total, and
 * previous/next; a change of filter starts again at the first page.
 */
export function PagedRiskList({ filter, pageSize = 15, what, empty }: Props) {
  const query = useInfiniteQuery(
    trpc.org.riskPage.infiniteQueryOptions(
      { ...filter, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const scope = JSON.stringify(filter);
  const [shown, setShown] = useState({ scope, page: 0 });
  const pageIndex = shown.scope === scope ? shown.page : 0;
  const show = (page: number) => setShown({ scope, page });

  return (
    <QueryState query={query} what={what}>
      {(data) => {
        const index = Math.min(pageIndex, data.pages.length - 1);
        const page = data.pages[index]!;
        const first = index * pageSize + 1;
        const hasNext = index + 1 < data.pages.length || query.hasNextPage;
        const next = () => {
          if (index + 1 < data.pages.length) return show(index + 1);
          void query.fetchNextPage({ cancelRefetch: false }).then(() => show(index + 1));
        };
        return (
          <>
            <RiskList risks={page.risks} empty={empty} start={first} />
            {page.total > pageSize ? (
              <nav className="pager" aria-label={`Pages of ${what}`}>
                <button
                  type="button"
                  className="secondary"
                  disabled={index === 0}
                  onClick={() => show(index - 1)}
                >
                  Previous
                </button>
                <span role="status" data-testid="risk-page-position">
                  {first}–{first + page.risks.length - 1} of {page.total.toLocaleString("en")}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={!hasNext || query.isFetchingNextPage}
                  onClick={next}
                >
                  {query.isFetchingNextPage ? "Loading…" : "Next"}
                </button>
              </nav>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}
