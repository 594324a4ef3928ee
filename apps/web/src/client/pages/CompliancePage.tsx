import { useQuery } from "@tanstack/react-query";
import { ClauseTierTable } from "../components/ClauseTierTable.tsx";
import { ComplianceNote } from "../components/ComplianceNote.tsx";
import { CoverageLegend } from "../components/CoverageLegend.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { byFramework, frameworkSlug } from "../lib/compliance.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../trpc.ts";

/**
 * The organisation's regulation view: per framework and clause, per risk tier, how many systems have
 * the clause supported by their evidence, so the high-risk tier's gaps stand out.
 */
export function CompliancePage() {
  useDocumentTitle("Compliance");
  const coverage = useQuery(trpc.compliance.org.queryOptions());
  return (
    <>
      <div className="page-head">
        <h1>Compliance</h1>
        <p className="muted">
          Each clause the rubric's criteria cite, and how many active systems of each risk tier the evidence
          supports it for. A system's own clauses and evidence are on its Compliance view (from its page).
        </p>
      </div>
      <ComplianceNote />
      <QueryState query={coverage} what="the clause coverage">
        {(data) => {
          const total = data.tiers.reduce((sum, tier) => sum + tier.systems, 0);
          if (total === 0)
            return <p className="muted">No system has been scored yet: there is nothing to count.</p>;
          return (
            <>
              <p className="muted small">
                {total} active systems, reports as of {formatDateTime(data.asOf)}; clauses of{" "}
                <code>{data.rubricVersion}</code>.
              </p>
              {byFramework(data.clauses).map(({ framework, rows }) => {
                const slug = frameworkSlug(framework);
                const gaps = rows.filter((row) => row.tiers.high.partial + row.tiers.high.none > 0).length;
                return (
                  <section key={framework} aria-labelledby={`org-${slug}`} className="panel">
                    <h2 id={`org-${slug}`}>{framework}</h2>
                    <p className="small" data-testid={`high-gaps-${slug}`}>
                      {gaps === 0
                        ? "Every high-risk system the clauses apply to has them supported."
                        : `High-risk gaps in ${gaps} of ${rows.length} clauses: some high-risk system lacks the evidence.`}
                    </p>
                    <CoverageLegend />
                    <ClauseTierTable framework={framework} clauses={rows} tiers={data.tiers} />
                  </section>
                );
              })}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
