import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { QueryState } from "../components/QueryState.tsx";
import { SelectFilter } from "../components/SelectFilter.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { formatDateTime } from "../lib/format.ts";
import type { RouterOutputs } from "../../server/router.ts";
import { trpc } from "../trpc.ts";

type Overview = RouterOutputs["alerts"]["overview"];
type EnabledOverview = Extract<Overview, { enabled: true }>;
type Delivery = RouterOutputs["alerts"]["deliveries"]["rows"][number];
type Status = Delivery["status"];

const statuses: readonly Status[] = ["pending", "delivered", "dead"];
const statusLabels: Record<Status, string> = { pending: "Pending", delivered: "Delivered", dead: "Dead" };
/** While a change waits for the worker to apply it, the page reads the state this often. */
const pollMs = 2_000;
/** While messages are pending (being sent, retried or held), the page follows them this often. */
const followMs = 10_000;
/** Rows of the delivery log the page asks for (the server lists at most 500). */
const logLimit = 200;

/**
 * Alerting for admins: what is sent where (destinations by name, never their credentials), the
 * rules in force and where they come from, an editor to change them, and the delivery log with
 * dead messages to re-drive. Every change is an event naming the admin.
 */
export function AlertsPage() {
  useDocumentTitle("Alerts");
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <>
      <div className="page-head">
        <h1>Alerts</h1>
        <p className="muted">
          Score changes that matter (a level dropping, a risk entering the top, a gap widening, a waiver
          ending, evidence going stale) sent as signed webhooks or Slack messages, with every delivery attempt
          logged.
        </p>
      </div>
      <QueryState query={me} what="who you are">
        {(viewer) =>
          viewer.roles.includes("admin") ? (
            <AlertsAdmin />
          ) : (
            <p className="banner">
              This page is for admins: it changes where alerts go and what raises them. Ask an admin (the
              admin group, MATURITY_AUTH_ADMIN_GROUP) to look at it.
            </p>
          )
        }
      </QueryState>
    </>
  );
}

/** The event of the latest rule change the worker has applied (a reset included), if any. */
function appliedChange(overview: Overview): string | null {
  if (!overview.enabled) return null;
  return overview.source.kind === "portal"
    ? overview.source.eventId
    : (overview.source.lastChange?.eventId ?? null);
}

function AlertsAdmin() {
  // The rule change sent and not yet seen applied: the page polls until the worker has applied it.
  const [sent, setSent] = useState<{ eventId: string; what: string } | null>(null);
  const overview = useQuery({
    ...trpc.alerts.overview.queryOptions(),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data === undefined) return false;
      if (sent !== null && appliedChange(data) !== sent.eventId) return pollMs;
      return data.counts.pending > 0 ? followMs : false;
    },
  });
  const applied =
    sent !== null && overview.data !== undefined && appliedChange(overview.data) === sent.eventId;
  return (
    <QueryState query={overview} what="the alerting set-up">
      {(data) => (
        <>
          {!data.enabled ? (
            <div className="banner" role="status" data-testid="alerts-off">
              <p>
                <strong>Alerting is off.</strong> To turn it on, write an alerts file (its destinations and
                rules; <code>packages/alerts/examples/alerts.yaml</code> is one to start from), point{" "}
                <code>MATURITY_ALERTS</code> at it and restart the platform. Credentials can stay out of the
                file as <code>{"${VARIABLE}"}</code> references. See docs/alerts.md.
              </p>
            </div>
          ) : null}
          <dl className="facts" aria-label="Alert messages by status" data-testid="alert-counts">
            {statuses.map((status) => (
              <div key={status}>
                <dt>{statusLabels[status]}</dt>
                <dd data-testid={`count-${status}`}>{data.counts[status]}</dd>
              </div>
            ))}
          </dl>
          {sent !== null ? (
            <p className="banner" role="status" data-testid="rules-status">
              {applied
                ? `${sent.what}: in force now.`
                : `${sent.what}: recorded (event ${sent.eventId}); the worker puts it in force when it applies the event.`}
            </p>
          ) : null}
          {data.enabled ? (
            <>
              <RulesPanel overview={data} onSent={setSent} />
              <DestinationsPanel overview={data} />
            </>
          ) : null}
          <DeliveryLog enabled={data.enabled} />
        </>
      )}
    </QueryState>
  );
}

function RulesPanel({
  overview,
  onSent,
}: {
  overview: EnabledOverview;
  onSent: (sent: { eventId: string; what: string }) => void;
}) {
  const { source } = overview;
  return (
    <>
      <section aria-labelledby="rules-heading" className="panel" data-testid="rules-in-force">
        <h2 id="rules-heading">Rules in force</h2>
        <p data-testid="rules-source">
          {source.kind === "portal" ? (
            <>
              Set in the portal by <strong>{source.actor}</strong> on {formatDateTime(source.changedAt)}{" "}
              (event <code>{source.eventId}</code>), in place of the rules in <code>{source.file}</code>.
            </>
          ) : (
            <>
              From the alerts file <code>{source.file}</code>
              {source.lastChange !== null
                ? `, put back by ${source.lastChange.actor} on ${formatDateTime(source.lastChange.changedAt)}`
                : ""}
              .
            </>
          )}
        </p>
        {overview.rules.length === 0 ? (
          <p className="muted">No rules: nothing raises an alert.</p>
        ) : (
          <div className="table-scroll">
            <table className="compact">
              <caption>
                {overview.rules.length} {overview.rules.length === 1 ? "rule" : "rules"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Settings</th>
                  <th scope="col">Destinations</th>
                </tr>
              </thead>
              <tbody>
                {overview.rules.map((rule) => (
                  <tr key={rule.id} data-rule={rule.id}>
                    <th scope="row">
                      <code>{rule.id}</code>
                    </th>
                    <td>
                      <span className="tag">{rule.kind}</span>
                    </td>
                    <td>{rule.settings === "" ? "—" : rule.settings}</td>
                    <td>{rule.destinations.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="edit-heading" className="panel">
        <h2 id="edit-heading">Change the rules</h2>
        {/* Remounted when the rules in force change, so the editor starts from them. */}
        <RulesEditor key={overview.rulesYaml} overview={overview} onSent={onSent} />
      </section>
    </>
  );
}

function RulesEditor({
  overview,
  onSent,
}: {
  overview: EnabledOverview;
  onSent: (sent: { eventId: string; what: string }) => void;
}) {
  const [text, setText] = useState(overview.rulesYaml);
  const textId = useId();
  const helpId = useId();
  const change = useMutation(
    trpc.alerts.changeRules.mutationOptions({
      onSuccess: (result) => {
        if (result.ok)
          onSent({
            eventId: result.eventId,
            what: `Your change to the rules (${result.rules} ${result.rules === 1 ? "rule" : "rules"})`,
          });
      },
    }),
  );
  const reset = useMutation(
    trpc.alerts.resetRules.mutationOptions({
      onSuccess: (result) => onSent({ eventId: result.eventId, what: "Back to the alerts file's rules" }),
    }),
  );
  const tooLong = text.length > overview.maxRulesChars;
  const refused = change.data?.ok === false ? change.data.errors : null;
  const busy = change.isPending || reset.isPending;
  return (
    <form
      className="policy-form"
      data-testid="rules-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === "" || tooLong) return;
        reset.reset();
        change.mutate({ text });
      }}
    >
      <p id={helpId} className="small">
        The rules as YAML (or JSON): a list, each with an <code>id</code>, a <code>kind</code> and the{" "}
        <code>destinations</code> it alerts, as in the alerts file (docs/alerts.md). Destinations and quiet
        hours stay in the file. Saving records the change with your name; at most {overview.maxRules} rules.
      </p>
      <div className="filter policy-text">
        <label htmlFor={textId}>Rules (YAML or JSON)</label>
        <textarea
          id={textId}
          value={text}
          rows={Math.min(24, Math.max(8, text.split("\n").length + 1))}
          spellCheck={false}
          aria-describedby={helpId}
          aria-invalid={refused !== null || tooLong || undefined}
          onChange={(event) => {
            setText(event.target.value);
            change.reset();
          }}
        />
        <span className="small muted">
          {text.length.toLocaleString("en-GB")} characters
          {tooLong ? (
            <span className="error">
              {" "}
              — over the {overview.maxRulesChars.toLocaleString("en-GB")}-character limit
            </span>
          ) : null}
        </span>
      </div>
      <div className="filters">
        <button type="submit" disabled={text.trim() === "" || tooLong || busy}>
          Save
        </button>
        <button
          type="button"
          className="secondary"
          disabled={overview.source.kind === "file" || busy}
          title={overview.source.kind === "file" ? "The file's rules are in force already" : undefined}
          onClick={() => {
            change.reset();
            reset.mutate();
          }}
        >
          Use the file&apos;s rules
        </button>
      </div>
      {refused !== null ? (
        <div className="error-box" role="alert" data-testid="rules-errors">
          <p>
            <strong>
              The rules are refused: {refused.length} error{refused.length === 1 ? "" : "s"}.
            </strong>{" "}
            Nothing changed; fix {refused.length === 1 ? "it" : "them"} and save again.
          </p>
          <ol className="policy-errors">
            {refused.map((error, index) => (
              <li key={index}>
                <code>{error.path}</code>
                {error.line === null ? "" : ` (line ${error.line}, column ${error.column ?? 1})`}:{" "}
                {error.message}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {change.isError || reset.isError ? (
        <p role="alert" className="error small">
          Could not save: {(change.error ?? reset.error)?.message}
        </p>
      ) : null}
    </form>
  );
}

function DestinationsPanel({ overview }: { overview: EnabledOverview }) {
  const quiet = overview.quietHours;
  return (
    <section aria-labelledby="destinations-heading" className="panel" data-testid="destinations">
      <h2 id="destinations-heading">Destinations</h2>
      <p className="small muted">
        Named in <code>{overview.file}</code>, with their URLs and secrets: those are credentials, so they are
        changed in the file, never shown here.
      </p>
      {overview.destinations.length === 0 ? (
        <p className="muted">The alerts file names no destination.</p>
      ) : (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Quiet hours</th>
            </tr>
          </thead>
          <tbody>
            {overview.destinations.map((destination) => (
              <tr key={destination.name}>
                <th scope="row">
                  <code>{destination.name}</code>
                </th>
                <td>{destination.type === "slack" ? "Slack" : "Webhook (signed CloudEvents)"}</td>
                <td>{destination.quietHours ? "held" : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small" data-testid="quiet-hours">
        {quiet === null
          ? "No quiet hours: alerts go out as they are decided."
          : `Quiet hours ${quiet.from}–${quiet.to} (${quiet.timeZone}): alerts to ${quiet.destinations === null ? "every destination" : quiet.destinations.join(", ")} wait until they end.`}
      </p>
    </section>
  );
}

function isStatus(value: string | undefined): value is Status {
  return (statuses as readonly (string | undefined)[]).includes(value);
}

function DeliveryLog({ enabled }: { enabled: boolean }) {
  const [param, setParam] = useUrlParam("status");
  const status = isStatus(param) ? param : undefined;
  // Messages re-driven here, each with the time it had died at: while a row still shows that death,
  // the worker has not applied the re-drive yet (a later death is a new failure, to re-drive again).
  const [redriven, setRedriven] = useState<ReadonlyMap<string, string | null>>(new Map());
  const awaiting = (row: Delivery) =>
    row.status === "dead" && redriven.has(row.messageId) && redriven.get(row.messageId) === row.finishedAt;
  const log = useQuery({
    ...trpc.alerts.deliveries.queryOptions({ ...(status !== undefined && { status }), limit: logLimit }),
    refetchInterval: (query) => {
      const rows = query.state.data?.rows ?? [];
      if (rows.some(awaiting)) return pollMs;
      return rows.some((row) => row.status === "pending") ? followMs : false;
    },
  });
  const queryClient = useQueryClient();
  const redrive = useMutation(
    trpc.alerts.redrive.mutationOptions({
      onSuccess: async (_result, { messageId }) => {
        const row = log.data?.rows.find((candidate) => candidate.messageId === messageId);
        setRedriven((current) => new Map(current).set(messageId, row?.finishedAt ?? null));
        await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
      },
    }),
  );
  return (
    <section aria-labelledby="log-heading" className="panel" data-testid="delivery-log">
      <h2 id="log-heading">Delivery log</h2>
      <p className="small muted">
        Every message, newest first: one per destination per decision, its id the <code>webhook-id</code>{" "}
        receivers dedupe on. A message is retried with backoff; one that keeps failing is given up as dead.
        Once the cause is fixed, re-drive it: it is sent again from its first attempt, and the re-drive is
        recorded with your name.
      </p>
      <div className="filters">
        <SelectFilter
          label="Filter by status"
          value={status}
          options={statuses.map((option) => ({ value: option, label: statusLabels[option] }))}
          onChange={setParam}
        />
      </div>
      {redrive.isSuccess ? (
        <p role="status" className="small" data-testid="redrive-status">
          Re-drive of <code>{redrive.data.messageId}</code> recorded (event{" "}
          <code>{redrive.data.eventId}</code>); the worker puts it back to pending and sends it again shortly.
        </p>
      ) : null}
      {redrive.isError ? (
        <p role="alert" className="error small">
          Could not re-drive: {redrive.error.message}
        </p>
      ) : null}
      <QueryState query={log} what="the delivery log">
        {({ rows, limit }) =>
          rows.length === 0 ? (
            <p className="muted">
              {status === undefined
                ? "No alert message yet."
                : `No ${statusLabels[status].toLowerCase()} message.`}
            </p>
          ) : (
            <div className="table-scroll" aria-busy={log.isFetching}>
              <table className="compact">
                <caption>
                  {rows.length} {rows.length === 1 ? "message" : "messages"}
                  {rows.length >= limit ? `; the newest ${limit} shown` : ""}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Message</th>
                    <th scope="col">Destination</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Next attempt</th>
                    <th scope="col">Last HTTP status</th>
                    <th scope="col">Last error</th>
                    <th scope="col">Finished</th>
                    <th scope="col">Alerts</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <DeliveryRow
                      key={row.messageId}
                      row={row}
                      enabled={enabled}
                      busy={redrive.isPending}
                      awaiting={awaiting(row)}
                      onRedrive={() => redrive.mutate({ messageId: row.messageId })}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

// Dead rows stand out: a pale red, as the portal's error boxes.
const deadRowStyle = { background: "#fdf0ef" } as const;

function DeliveryRow({
  row,
  enabled,
  busy,
  awaiting,
  onRedrive,
}: {
  row: Delivery;
  enabled: boolean;
  busy: boolean;
  awaiting: boolean;
  onRedrive: () => void;
}) {
  const dead = row.status === "dead";
  return (
    <tr data-status={row.status} data-message={row.messageId} style={dead ? deadRowStyle : undefined}>
      <td className="nowrap">{formatDateTime(row.createdAt)}</td>
      <td>
        <code>{row.messageId}</code>
      </td>
      <td>
        {row.destination}
        {row.destinationType === null ? <span className="small muted"> (not in the alerts file)</span> : null}
      </td>
      <td>
        <span className="tag" style={dead ? { background: "#f6d6d2" } : undefined}>
          {statusLabels[row.status]}
        </span>
      </td>
      <td className="number">{row.attempts}</td>
      <td className="nowrap">{formatDateTime(row.nextAttemptAt)}</td>
      <td className="number">{row.lastStatus ?? "—"}</td>
      <td>{row.lastError ?? "—"}</td>
      <td className="nowrap">{formatDateTime(row.finishedAt)}</td>
      <td>
        <ul className="field-changes">
          {row.alerts.map((alert) => (
            <li key={alert.id}>
              <span className="tag">{alert.kind}</span> <code>{alert.ruleId}</code>: {alert.summary}
            </li>
          ))}
        </ul>
      </td>
      <td>
        {dead ? (
          <button
            type="button"
            className="secondary nowrap"
            disabled={!enabled || busy || awaiting || row.destinationType === null}
            title={
              !enabled
                ? "Alerting is off: set MATURITY_ALERTS first"
                : row.destinationType === null
                  ? "Add the destination back to the alerts file first"
                  : undefined
            }
            aria-label={`Re-drive ${row.messageId}`}
            onClick={onRedrive}
          >
            {awaiting ? "Re-driving…" : "Re-drive"}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
