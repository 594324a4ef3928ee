import { useQuery } from "@tanstack/react-query";
import { Link, useRoute } from "wouter";
import { paths } from "../lib/paths.ts";
import { trpc } from "../trpc.ts";

function NavLink({ href, children, match }: { href: string; children: string; match: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

/** The portal's main navigation; admin pages only for admins. */
export function NavBar() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  return (
    <nav aria-label="Main" className="nav">
      <NavLink href={paths.org} match="/">
        Organisation
      </NavLink>
      <NavLink href={paths.executive} match="/executive">
        Executive
      </NavLink>
      <NavLink href={paths.campaigns} match={paths.campaigns}>
        Campaigns
      </NavLink>
      <NavLink href={paths.sources} match="/sources">
        Unmapped sources
      </NavLink>
      <NavLink href={paths.events} match="/events">
        Event feed
      </NavLink>
      <NavLink href={paths.compliance} match={paths.compliance}>
        Compliance
      </NavLink>
      <NavLink href={paths.policy} match={paths.policy}>
        Policy
      </NavLink>
      {isAdmin ? (
        <NavLink href={paths.deadLetters} match={paths.deadLetters}>
          Dead letters
        </NavLink>
      ) : null}
      {isAdmin ? (
        <NavLink href={paths.alerts} match={paths.alerts}>
          Alerts
        </NavLink>
      ) : null}
    </nav>
  );
}
