import type { RiskTier } from "@maturity/model";
import type { OrgClauseRow } from "../lib/api-types.ts";
import { coverageColour, frameworkSlug } from "../lib/compliance.ts";
import { riskTierLabels } from "../lib/vocabulary.ts";

interface Props {
  framework: string;
  clauses: readonly OrgClauseRow[];
  tiers: readonly { tier: RiskTier; systems: number }[];
}

/**
 * Clauses × risk tiers, one cell per tier: how many of the tier's systems have the clause supported,
 * with the partly evidenced and the empty ones beside, coloured like the heat map's levels by the
 * share supported (a partly evidenced system counting half, so "partly" and "nothing" read apart).
 * A high-risk cell with any system short of support is marked as a gap, in words too.
 */
export function ClauseTierTable({ framework, clauses, tiers }: Props) {
  const slug = frameworkSlug(framework);
  return (
    <div className="table-scroll" data-testid={`tier-table-${slug}`}>
      <table className="heatmap clause-tiers">
        <caption>
          {framework}: {clauses.length} clauses; each cell counts the tier's systems with the clause
          supported, of those a criterion of it applies to
        </caption>
        <thead>
          <tr>
            <th scope="col">Clause</th>
            {tiers.map(({ tier, systems }) => (
              <th scope="col" key={tier} className="axis-head">
                {riskTierLabels[tier]} risk
                <br />
                <span className="small muted">
                  {systems} system{systems === 1 ? "" : "s"}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clauses.map((row) => (
            <tr key={row.clause} data-clause={row.clause}>
              <th scope="row" title={row.criteria.map((c) => c.title).join("\n")}>
                {row.clause}
                <br />
                <span className="small muted">
                  {row.criteria.length} criteri{row.criteria.length === 1 ? "on" : "a"}
                </span>
              </th>
              {tiers.map(({ tier }) => {
                const cell = row.tiers[tier];
                const applying = cell.supported + cell.partial + cell.none;
                const gap = tier === "high" && cell.partial + cell.none > 0;
                return (
                  <td
                    key={tier}
                    className={gap ? "coverage-cell gap" : "coverage-cell"}
                    style={{
                      background: coverageColour(
                        applying === 0 ? null : (cell.supported + cell.partial / 2) / applying,
                      ),
                    }}
                    data-tier={tier}
                  >
                    {applying === 0 ? (
                      <span className="muted">not applicable</span>
                    ) : (
                      <>
                        <span className="coverage-count">
                          {cell.supported} of {applying}
                        </span>
                        <span className="coverage-detail">
                          {cell.partial} partly · {cell.none} nothing
                        </span>
                        {gap ? <span className="gap-label">gap</span> : null}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
