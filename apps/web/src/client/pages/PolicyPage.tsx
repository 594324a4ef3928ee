import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PolicyCriteria } from "../components/PolicyCriteria.tsx";
import { PolicyDiff } from "../components/PolicyDiff.tsx";
import type { Activation } from "../components/PolicyUpload.tsx";
import { PolicyUpload } from "../components/PolicyUpload.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../trpc.ts";

/** While an activation waits for the worker, the policy in force is read this often. */
const pollMs = 2_000;

/**
 * The policy every score is computed with, criterion by criterion, and how it differs from the
 * built-in rubric; for admins, a new policy uploaded, previewed and activated.
 */
export function PolicyPage() {
  useDocumentTitle("Policy");
  const me = useQuery(trpc.auth.me.queryOptions());
  const [activation, setActivation] = useState<Activation | null>(null);
  const inForce = useQuery({
    ...trpc.policy.inForce.queryOptions(),
    // After an activation, until the worker has applied it (then the live feed refreshes it too).
    refetchInterval: (query) =>
      activation !== null && query.state.data?.contentHash !== activation.contentHash ? pollMs : false,
  });
  const applied = activation !== null && inForce.data?.contentHash === activation.contentHash;
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  // Admins upload between the policy in force and its criteria: the diff to compare is at hand.
  const upload = isAdmin ? (
    <section aria-labelledby="upload-heading" className="panel" data-testid="policy-upload">
      <h2 id="upload-heading">Upload a policy</h2>
      <PolicyUpload
        onActivated={(next) => {
          setActivation(next);
          void inForce.refetch();
        }}
      />
    </section>
  ) : me.isSuccess ? (
    <p className="muted small">
      Policies are uploaded and activated by admins (the admin group, MATURITY_AUTH_ADMIN_GROUP).
    </p>
  ) : null;

  return (
    <>
      <div className="page-head">
        <h1>Policy</h1>
        <p className="muted">
          The rules every score is computed with: the built-in rubric, or the organisation's policy on top of
          it. Each score in a system's history names the rubric or policy version that computed it.
        </p>
      </div>
      {activation !== null ? (
        <p className="banner" role="status" data-testid="activation-status">
          {applied
            ? `${activation.name} ${activation.version} is in force: every system was re-scored under it.`
            : `${activation.name} ${activation.version} was activated (event ${activation.eventId}). The worker is re-scoring every system under it; this page shows it in force as soon as it is applied.`}
        </p>
      ) : null}
      <QueryState query={inForce} what="the policy in force">
        {(policy) => {
          const title =
            policy.kind === "builtin" ? "the built-in rubric" : `${policy.name} ${policy.version}`;
          return (
            <>
              <section aria-labelledby="in-force-heading" className="panel">
                <h2 id="in-force-heading">In force: {title}</h2>
                <dl className="facts" data-testid="policy-in-force">
                  <div>
                    <dt>Name</dt>
                    <dd data-testid="in-force-name">{policy.name}</dd>
                  </div>
                  <div>
                    <dt>Version</dt>
                    <dd>{policy.version}</dd>
                  </div>
                  <div>
                    <dt>Rubric version</dt>
                    <dd>
                      <code>{policy.rubricVersion}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>Activated</dt>
                    <dd>
                      {policy.activation === null
                        ? "never: no policy was activated, the built-in rubric applies"
                        : `${formatDateTime(policy.activation.activatedAt)} by ${policy.activation.actor}`}
                    </dd>
                  </div>
                  {policy.activation !== null ? (
                    <div>
                      <dt>Event</dt>
                      <dd>
                        <code>{policy.activation.eventId}</code>
                      </dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>Content hash</dt>
                    <dd>
                      <code title={policy.contentHash}>{policy.contentHash.slice(0, 12)}…</code>
                    </dd>
                  </div>
                </dl>
                {policy.description ? <p>{policy.description}</p> : null}
                <h3>Changes from the built-in rubric ({policy.builtinVersion})</h3>
                <PolicyDiff
                  diff={policy.diff}
                  from={`the built-in rubric ${policy.builtinVersion}`}
                  to={title}
                  testId="diff-from-builtin"
                />
              </section>
              {upload}
              <section aria-labelledby="criteria-heading" className="panel">
                <h2 id="criteria-heading">Criteria in force</h2>
                <p className="small muted">
                  {policy.criteria.length} criteria. Rows marked “added” or “changed” differ from the built-in
                  rubric.
                </p>
                <PolicyCriteria policy={policy} idPrefix="in-force" />
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
