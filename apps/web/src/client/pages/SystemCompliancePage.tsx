import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { AsOfPicker, endOfDay, isDay } from "../components/AsOfPicker.tsx";
import { AuditRequests } from "../components/AuditRequests.tsx";
import { ClauseSection } from "../components/ClauseSection.tsx";
import { ComplianceNote } from "../components/ComplianceNote.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { byFramework } from "../lib/compliance.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { riskTierLabels } from "../lib/vocabulary.ts";
import { trpc } from "../trpc.ts";

/**
 * One system's regulation view: framework → clause → criteria → status → evidence, now or as of a
 * day; the audit pack to download; open audit requests, which admins deliver the pack against.
 */
export function SystemCompliancePage() {
  const { systemId = "" } = useParams<{ systemId: string }>();
  const [asOfParam, setAsOf] = useUrlParam("asOf");
  const asOfDay = isDay(asOfParam) ? asOfParam : undefined;
  const asOf = asOfDay ? endOfDay(asOfDay) : undefined;
  // Today's end is still ahead: the pack of today is the pack of now (the server takes no future).
  const packAsOf = asOf !== undefined && Date.parse(asOf) < Date.now() ? asOf : undefined;
  const me = useQuery(trpc.auth.me.queryOptions());
  const view = useQuery({
    ...trpc.compliance.system.queryOptions({ systemId, asOf }),
    placeholderData: keepPreviousData,
  });
  const name = view.data?.system.name ?? systemId;
  useDocumentTitle(`Compliance · ${name}`);
  const isAdmin = me.data?.roles.includes("admin") ?? false;

  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link href={paths.org}>Organisation</Link>
          {view.data ? (
            <>
              {" / "}
              <Link href={paths.team(view.data.system.team)}>team {view.data.system.team}</Link>
            </>
          ) : null}
          {" / "}
          <Link href={paths.system(systemId, { asOf: asOfDay })}>{name}</Link> / compliance
        </p>
        <h1>Compliance: {name}</h1>
        <AsOfPicker value={asOfDay} onChange={setAsOf} />
      </div>
      <QueryState
        query={view}
        what={
          asOfDay
            ? `the compliance view of ${systemId} as of ${asOfDay}`
            : `the compliance view of ${systemId}`
        }
        remedy={
          asOfDay ? "Pick a later day: the system may not have existed yet, or go back to now." : undefined
        }
      >
        {(data) => (
          <div aria-busy={view.isFetching}>
            {data.pointInTime ? (
              <p className="banner" role="status" data-testid="compliance-point-in-time">
                Showing {data.system.name} as it was at the end of {formatDate(data.asOf)} (UTC), recomputed
                from the events stored by then.
              </p>
            ) : (
              <p className="muted">
                From the current report, as of {formatDateTime(data.asOf)};{" "}
                {riskTierLabels[data.system.riskTier]} risk tier; scored under{" "}
                <code>{data.rubricVersion}</code>.
              </p>
            )}
            <div className="org-grid">
              <section aria-labelledby="pack-heading" className="panel">
                <h2 id="pack-heading">Audit pack</h2>
                <p className="small">
                  One zip for an auditor, as of{" "}
                  {packAsOf !== undefined ? `the end of ${formatDate(packAsOf)}` : "now"}: the report (HTML
                  and JSON), these clauses, the evidence events with their hash chain, the score history, the
                  policy and a CycloneDX bill of materials, each file's SHA-256 in its manifest. The download
                  is recorded as <code>gov.docs.generated</code> with your name.
                </p>
                <p>
                  <a className="button-link" href={paths.auditPack(systemId, packAsOf)} download>
                    Download audit pack
                  </a>
                </p>
                <p className="small muted" data-testid="pack-signing">
                  {data.packSigningKey === null ? (
                    "The pack is unsigned: the server has no signing key (MATURITY_SIGNING_KEY)."
                  ) : (
                    <>
                      Signed with the server's key, fingerprint{" "}
                      <code title={data.packSigningKey.fingerprint}>
                        {data.packSigningKey.fingerprint.slice(0, 16)}…
                      </code>{" "}
                      (SHA-256 of its public key).
                    </>
                  )}
                </p>
              </section>
              <section aria-labelledby="audits-heading" className="panel">
                <h2 id="audits-heading">Open audit requests</h2>
                <AuditRequests systemId={systemId} isAdmin={isAdmin} />
              </section>
            </div>
            <ComplianceNote />
            {byFramework(data.clauses).map(({ framework, rows }) => (
              <ClauseSection key={framework} systemId={systemId} framework={framework} clauses={rows} />
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
