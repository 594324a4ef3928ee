import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { trpc } from "../trpc.ts";
import { QueryState } from "./QueryState.tsx";

/** While a delivery waits for the worker, the open requests are read this often. */
const pollMs = 2_000;

interface Delivery {
  auditId: string;
  asOf: string;
  manifestSha256: string;
  signed: boolean;
}

/**
 * The system's open audit requests (gov.audit.requested without a delivery); admins deliver the
 * audit pack against one, which records gov.audit.delivered with the pack's manifest hash.
 */
export function AuditRequests({ systemId, isAdmin }: { systemId: string; isAdmin: boolean }) {
  const [delivered, setDelivered] = useState<Delivery[]>([]);
  const requests = useQuery({
    ...trpc.compliance.openAuditRequests.queryOptions({ systemId }),
    // Until the worker has applied each delivery and the request is closed.
    refetchInterval: (query) =>
      delivered.some((d) => query.state.data?.some((request) => request.auditId === d.auditId))
        ? pollMs
        : false,
  });
  const deliver = useMutation(
    trpc.compliance.deliver.mutationOptions({
      onSuccess: (delivery) => {
        setDelivered((list) => [...list, delivery]);
        void requests.refetch();
      },
    }),
  );
  const pending = (auditId: string) => delivered.some((d) => d.auditId === auditId);

  return (
    <>
      {delivered.map((delivery) => {
        const closed = !(requests.data ?? []).some((request) => request.auditId === delivery.auditId);
        return (
          <p key={delivery.auditId} className="banner" role="status" data-testid="delivery-status">
            Delivered the {delivery.signed ? "signed" : "unsigned"} audit pack for{" "}
            <strong>{delivery.auditId}</strong> (manifest{" "}
            <code title={delivery.manifestSha256}>{delivery.manifestSha256.slice(0, 12)}…</code>, as of{" "}
            {formatDateTime(delivery.asOf)}).{" "}
            {closed
              ? "The request is closed; the system's audit response time counts it."
              : "The request closes once the worker has applied the delivery."}{" "}
            <a href={paths.auditPack(systemId, delivery.asOf)} download>
              Download the pack delivered
            </a>
          </p>
        );
      })}
      <QueryState query={requests} what="the audit requests">
        {(open) =>
          open.length === 0 ? (
            <p className="muted" data-testid="no-audit-requests">
              No open audit requests. A request arrives as a <code>gov.audit.requested</code> event from the
              governance tool.
            </p>
          ) : (
            <ul className="audit-requests" data-testid="audit-requests">
              {open.map((request) => (
                <li key={request.auditId} data-audit={request.auditId}>
                  <strong>{request.auditId}</strong>{" "}
                  <span className="small">
                    requested by {request.requestedBy} on {formatDateTime(request.requestedAt)}
                  </span>{" "}
                  {isAdmin ? (
                    <button
                      type="button"
                      aria-label={`${pending(request.auditId) ? "Delivered" : "Deliver the pack"} for ${request.auditId}`}
                      disabled={deliver.isPending || pending(request.auditId)}
                      onClick={() => deliver.mutate({ systemId, auditId: request.auditId })}
                    >
                      {pending(request.auditId) ? "Delivered" : "Deliver the pack"}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {deliver.isPending ? (
        <p className="muted small" role="status">
          Building the pack…
        </p>
      ) : null}
      {deliver.isError ? (
        <p role="alert" className="error small">
          Could not deliver: {deliver.error.message}
        </p>
      ) : null}
      {!isAdmin ? (
        <p className="muted small">
          Admins deliver the pack against a request (the admin group, MATURITY_AUTH_ADMIN_GROUP).
        </p>
      ) : null}
    </>
  );
}
