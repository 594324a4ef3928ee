import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
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
    // Subscriptions are server-sent events (plain HTTP, fine behind proxies); the rest is batched,
    // each answer streamed as soon as it is ready, so a quick read (the heat map's) never waits for
    // a slower one made in the same tick.
    splitLink({
      condition: (operation) => operation.type === "subscription",
      true: httpSubscriptionLink({ url: "/trpc" }),
      false: httpBatchStreamLink({ url: "/trpc" }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
