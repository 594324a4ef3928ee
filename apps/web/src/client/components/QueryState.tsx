import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

interface Props<T> {
  query: UseQueryResult<T, { message: string; data?: { code?: string } | null }>;
  /** What is being loaded, for the loading and error messages ("the heat map"). */
  what: string;
  /** What the reader can do when it fails; the default suits a server that is down. */
  remedy?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error and data states of one query, worded the same on every page. */
export function QueryState<T>({ query, what, remedy, children }: Props<T>) {
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    const notFound = query.error.data?.code === "NOT_FOUND";
    return (
      <div className="error-box" role="alert">
        <p>
          <strong>Could not load {what}.</strong> {query.error.message}
        </p>
        <p>
          {remedy ??
            (notFound
              ? "Check the address, or go back to the organisation page and pick it from the heat map."
              : "Check that the platform is running (npm start), then retry.")}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
