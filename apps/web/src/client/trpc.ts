import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
// The client sees the router's type only: none of the server code reaches the browser.
import type { AppRouter } from "../server/router.ts";

/** A 4xx (bad input, unknown system) will not get better by asking again; a network error might. */
function shouldRetry(failures: number, error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
      : undefined;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failures < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 5_000, retry: shouldRetry } },
});

const trpcClient = createTRPCClient<AppRouter>({
  links: [
    // Subscriptions are server-sent events (plain HTTP, fine behind proxies). The organisation's
    // overview (megabytes at thousands of systems, and the heat map waits on it) goes alone, so it
    // never waits for the slower reads made in the same tick; the rest is batched.
    splitLink({
      condition: (operation) => operation.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc" }),
      false: splitLink({
        condition: (operation) => operation.path === "org.overview",
        true: httpLink({ url: "/trpc" }),
        false: httpBatchLink({ url: "/trpc" }),
      }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
