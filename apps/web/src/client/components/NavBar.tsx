import { Link, useRoute } from "wouter";
import { paths } from "../lib/paths.ts";

function NavLink({ href, children, match }: { href: string; children: string; match: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

/** The portal's main navigation. */
export function NavBar() {
  return (
    <nav aria-label="Main" className="nav">
      <NavLink href={paths.org} match="/">
        Organisation
      </NavLink>
      <NavLink href={paths.executive} match="/executive">
        Executive
      </NavLink>
      <NavLink href={paths.sources} match="/sources">
        Unmapped sources
      </NavLink>
      <NavLink href={paths.events} match="/events">
        Event feed
      </NavLink>
    </nav>
  );
}
