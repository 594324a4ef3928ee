import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { formatDateTime } from "../lib/format.ts";
import type { RouterOutputs } from "../../server/router.ts";
import { trpc } from "../trpc.ts";

type ReasonKind = keyof RouterOutputs["deadLetters"]["list"]["counts"];

const reasonKindLabels: Record<ReasonKind, string> = {
  not_json: "Not JSON",
  invalid_event: "Not a valid event",
  database_refused: "Refused by the database",
  database_fault: "Broke the database",
};

/**
 * Records from the event log the worker could not apply, parked so their partition moves on.
 * Admins see what and why, and re-drive them onto the log once the cause is fixed.
 */
export function DeadLettersPage() {
  useDocumentTitle("Dead letters");
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <>
      <div className="page-head">
        <h1>Dead letters</h1>
        <p className="muted">
          Records from the event log that the worker could not apply (not JSON, not a valid event, or refused
          by the database). Each is parked with the reason, so the events after it are not held up.
        </p>
      </div>
      <QueryState query={me} what="who you are">
        {(viewer) =>
          viewer.roles.includes("admin") ? (
            <DeadLetterList viewerName={viewer.name} />
          ) : (
            <p className="banner">
              This page is for admins: a dead letter may hold anything a sender put in it. Ask an admin (the
              admin group, MATURITY_AUTH_ADMIN_GROUP) to look at it.
            </p>
          )
        }
      </QueryState>
    </>
  );
}

function DeadLetterList({ viewerName }: { viewerName: string }) {
  const [show, setShow] = useUrlParam("show");
  const includeRedriven = show === "all";
  const list = useQuery(trpc.deadLetters.list.queryOptions({ includeRedriven }));
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.deadLetters.retry.mutationOptions({
      onSuccess: async () => {
        setSelected(new Set());
        await queryClient.invalidateQueries({ queryKey: trpc.deadLetters.list.queryKey() });
      },
    }),
  );
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <p>
        Once the cause is fixed (a rubric or schema change, a database limit raised), re-drive them: they go
        back on the event log and the worker applies them like new events; one that fails again comes back
        here. A re-drive is recorded with your name ({viewerName}) on the dead letter and on each event it
        puts back.
      </p>
      <QueryState query={list} what="the dead letters">
        {({ rows, counts, limit }) => {
          const pending = Object.values(counts).reduce((sum, count) => sum + count, 0);
          const pendingIds = new Set(rows.filter((row) => row.redrivenAt === null).map((row) => row.id));
          const chosen = [...selected].filter((id) => pendingIds.has(id));
          return (
            <div aria-busy={list.isFetching}>
              <dl className="facts" aria-label="Pending dead letters by reason">
                {(Object.keys(reasonKindLabels) as ReasonKind[]).map((kind) => (
                  <div key={kind}>
                    <dt>{reasonKindLabels[kind]}</dt>
                    <dd data-testid={`count-${kind}`}>{counts[kind]}</dd>
                  </div>
                ))}
              </dl>
              <div className="filters">
                <button
                  type="button"
                  disabled={chosen.length === 0 || retry.isPending}
                  onClick={() => retry.mutate({ ids: chosen })}
                >
                  Re-drive selected ({chosen.length})
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={pending === 0 || retry.isPending}
                  onClick={() => retry.mutate({})}
                >
                  Re-drive all ({pending})
                </button>
                <label className="small">
                  <input
                    type="checkbox"
                    checked={includeRedriven}
                    onChange={(event) => setShow(event.target.checked ? "all" : undefined)}
                  />{" "}
                  Show re-driven ones too
                </label>
              </div>
              {retry.isPending ? (
                <p role="status" className="small">
                  Re-driving…
                </p>
              ) : null}
              {retry.isSuccess ? (
                <p role="status" className="small">
                  {retry.data.count === 0
                    ? "Nothing re-driven: those were re-driven already."
                    : `Re-drove ${retry.data.count} ${retry.data.count === 1 ? "record" : "records"} onto the event log; the worker applies ${retry.data.count === 1 ? "it" : "them"} shortly.`}
                </p>
              ) : null}
              {retry.isError ? (
                <p role="alert" className="error small">
                  Could not re-drive: {retry.error.message}. Nothing was marked; try again once the log is
                  back.
                </p>
              ) : null}
              {rows.length === 0 ? (
                <p className="muted">
                  {includeRedriven
                    ? "No record was ever dead-lettered."
                    : "No dead letters: every record applied."}
                </p>
              ) : (
                <div className="table-scroll">
                  <table className="compact">
                    <caption>
                      {pending} pending
                      {rows.length >= limit ? `; the newest ${limit} shown` : ""}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          <span className="visually-hidden">Select</span>
                        </th>
                        <th scope="col">Dead-lettered</th>
                        <th scope="col">Source</th>
                        <th scope="col">Type</th>
                        <th scope="col">Event id</th>
                        <th scope="col">Position</th>
                        <th scope="col">Reason kind</th>
                        <th scope="col">Reason</th>
                        {includeRedriven ? <th scope="col">Re-driven</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.id} className={selected.has(row.id) ? "selected" : undefined}>
                          <td>
                            {row.redrivenAt === null ? (
                              <input
                                type="checkbox"
                                aria-label={`Select dead letter at ${row.position}`}
                                checked={selected.has(row.id)}
                                onChange={(event) => toggle(row.id, event.target.checked)}
                              />
                            ) : null}
                          </td>
                          <td>{formatDateTime(row.deadLetteredAt)}</td>
                          <td>{row.eventSource ?? "—"}</td>
                          <td>{row.eventType ?? "—"}</td>
                          <td>{row.eventId === null ? "—" : <code>{row.eventId}</code>}</td>
                          <td>
                            <code>{row.position}</code>
                          </td>
                          <td>
                            <span className="tag">{reasonKindLabels[row.reasonKind]}</span>
                          </td>
                          <td>
                            {row.reason}
                            <details>
                              <summary className="small">Record</summary>
                              <pre className="event-json">
                                {row.preview}
                                {row.valueLength > row.preview.length
                                  ? `\n… (${row.valueLength - row.preview.length} more characters)`
                                  : ""}
                              </pre>
                            </details>
                          </td>
                          {includeRedriven ? (
                            <td>
                              {row.redrivenAt === null
                                ? "pending"
                                : `by ${row.redrivenBy ?? "?"}, ${formatDateTime(row.redrivenAt)}`}
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
