import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
// The client sees the router's type only: none of the server code reaches the browser.
import type { AppRouter } from "../server/router.ts";

export const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } });

const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/trpc" })] });

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
