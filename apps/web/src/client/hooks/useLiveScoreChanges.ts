import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { trpc } from "../trpc.ts";

// A burst of notices (a replay, a batch of webhooks) should cause one refetch, not hundreds.
const settleMs = 400;

/**
 * Listens for committed score changes and refetches whatever the open page shows, so it updates
 * without a reload. Returns the connection status for the header.
 */
export function useLiveScoreChanges() {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const subscription = useSubscription(
    trpc.live.scoreChanges.subscriptionOptions(undefined, {
      onData: () => {
        if (timer.current !== undefined) return;
        timer.current = setTimeout(() => {
          timer.current = undefined;
          void queryClient.invalidateQueries();
        }, settleMs);
      },
    }),
  );
  return subscription.status;
}
