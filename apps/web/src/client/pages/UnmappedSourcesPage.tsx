import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../trpc.ts";

/** Native ids (repos, registry models, services, queues) that sent events but belong to no system yet. */
export function UnmappedSourcesPage() {
  useDocumentTitle("Unmapped sources");
  const sources = useQuery(trpc.sources.unmapped.queryOptions());
  return (
    <>
      <div className="page-head">
        <h1>Unmapped sources</h1>
        <p className="muted">
          Their events are kept but count towards no system until the source is mapped to one (in the
          catalogue, under the system's <code>sources</code>).
        </p>
      </div>
      <QueryState query={sources} what="the unmapped sources">
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">Every source that sent events is mapped to a system.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{rows.length} sources</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Events</th>
                    <th scope="col">First seen</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">Mapped to</th>
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
                      <td>{row.mappedTo ?? "—"}</td>
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
