import { useQuery } from "@tanstack/react-query";
import { MapSourceForm } from "../components/MapSourceForm.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../trpc.ts";

/** Native ids (repos, registry models, services, queues) that sent events but belong to no system yet. */
export function UnmappedSourcesPage() {
  useDocumentTitle("Unmapped sources");
  const sources = useQuery(trpc.sources.unmapped.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  // Only admins can map, so only they need the list of systems to map to.
  const systems = useQuery({ ...trpc.systems.list.queryOptions(), enabled: isAdmin });
  const choices = [...(systems.data ?? [])].sort((a, b) => a.systemId.localeCompare(b.systemId));

  return (
    <>
      <div className="page-head">
        <h1>Unmapped sources</h1>
        <p className="muted">
          Events from these native ids are kept, but count towards no system until the id is mapped to one.
          {isAdmin
            ? " As an admin you can map each one below; the mapping is recorded as a catalogue event naming you."
            : " An admin can map them here, or add them to a system's sources in the catalogue."}
        </p>
      </div>
      <QueryState query={sources} what="the unmapped sources">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">Every source that sent events is mapped to a system.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>
                  {rows.filter((row) => !row.mappedTo).length} unmapped of {rows.length} sources seen
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Events</th>
                    <th scope="col">First seen</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">System</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.ref}>
                      <th scope="row">
                        <code>{row.ref}</code>
                      </th>
                      <td className="number">{row.eventCount}</td>
                      <td>{formatDateTime(row.firstSeenAt)}</td>
                      <td>{formatDateTime(row.lastSeenAt)}</td>
                      <td>
                        {row.mappedTo ? (
                          <>mapped to {row.mappedTo}</>
                        ) : isAdmin ? (
                          <MapSourceForm sourceRef={row.ref} systems={choices} />
                        ) : (
                          "not mapped"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
