import { useQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { trpc } from "../trpc.ts";
import { QueryState } from "./QueryState.tsx";

interface Props {
  systemId: string;
  criterionId: string;
  /** Set in the as-of view: the evidence of the report as it was then. */
  asOf: string | undefined;
  /** How many events back the criterion; the report keeps ids of the most recent ones only. */
  total: number;
  onClose: () => void;
}

/** The stored events behind one criterion, newest first, each with its full payload a click away. */
export function EvidencePanel({ systemId, criterionId, asOf, total, onClose }: Props) {
  const evidence = useQuery(trpc.system.evidence.queryOptions({ systemId, criterionId, asOf }));
  const which = asOf === undefined ? "current report" : `as of ${formatDate(asOf)}`;
  return (
    <div className="evidence-panel" role="region" aria-label={`Evidence for ${criterionId}`}>
      <div className="evidence-head">
        <h5>Evidence events ({which})</h5>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <QueryState query={evidence} what="the evidence events">
        {(events) =>
          events.length === 0 ? (
            <p className="muted">No stored events back this criterion ({which}).</p>
          ) : (
            <>
              {total > events.length ? (
                <p className="muted small">
                  The {events.length} most recent of {total} events.
                </p>
              ) : null}
              <ul className="evidence-list">
                {events.map((event) => (
                  <li key={`${event.source}/${event.id}`}>
                    <details>
                      <summary>
                        <code>{event.type}</code>{" "}
                        <time dateTime={event.time}>{formatDateTime(event.time)}</time>{" "}
                        <span className="muted small">
                          id {event.id} from {event.source}
                        </span>
                      </summary>
                      <pre className="event-json">{JSON.stringify(event, null, 2)}</pre>
                    </details>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </div>
  );
}
