import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";

const via = { proxy: "company sign-on", token: "API token" } as const;

/** Who the portal thinks you are; without sign-on configured it says so plainly. */
export function IdentityBadge() {
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) return <span className="identity-name">Checking who you are…</span>;
  if (me.isError) return <span className="identity-name">Not signed in: {me.error.message}</span>;
  const viewer = me.data;
  const admin = viewer.roles.includes("admin");
  return (
    <span className="identity-name" data-testid="identity">
      {viewer.via === "local"
        ? "Local admin — no sign-in configured"
        : `${viewer.name}${admin ? " (admin)" : ""}, via ${via[viewer.via]}`}
    </span>
  );
}
