import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "../trpc.ts";

const refreshMs = 3_000;

/** Every system the platform has heard of, and the latest evidence behind it. */
export function SystemsPage() {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const systems = useQuery({ ...trpc.systems.list.queryOptions(), refetchInterval: refreshMs });
  const events = useQuery({
    ...trpc.systems.latestEvents.queryOptions({ systemId: selected, limit: 25 }),
    refetchInterval: refreshMs,
  });

  if (systems.isPending) return <p className="muted">Loading systems…</p>;
  if (systems.isError) return <p className="error">Could not load systems: {systems.error.message}</p>;

  return (
    <div className="columns">
      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">Systems ({systems.data.length})</h2>
        {systems.data.length === 0 ? (
          <p className="muted">
            No events yet. Post a CloudEvent to <code>/v1/events</code> and it appears here.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Team</th>
                <th scope="col">Kind</th>
                <th scope="col">Events</th>
                <th scope="col">Latest event</th>
              </tr>
            </thead>
            <tbody>
              {systems.data.map((system) => (
                <tr key={system.systemId} className={system.systemId === selected ? "selected" : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setSelected(system.systemId === selected ? undefined : system.systemId)}
                    >
                      {system.name ?? system.systemId}
                    </button>
                    {system.retiredAt !== null ? (
                      <>
                        {" "}
                        <span
                          className="tag"
                          title={`Retired ${new Date(system.retiredAt).toLocaleString()}`}
                        >
                          retired
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>{system.team ?? "—"}</td>
                  <td>{system.kind ?? "—"}</td>
                  <td className="number">{system.eventCount}</td>
                  <td>{new Date(system.latestEventAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Latest events{selected ? ` of ${selected}` : ""}</h2>
        {events.data?.length ? (
          <ol className="events">
            {events.data.map((event) => (
              <li key={event.seq}>
                <code>{event.type}</code> <span className="muted">{event.systemId}</span>
                <time dateTime={event.time}>{new Date(event.time).toLocaleString()}</time>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No events.</p>
        )}
      </section>
    </div>
  );
}
