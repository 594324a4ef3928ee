import { Link } from "wouter";
import type { RiskHeadlineView } from "../lib/api-types.ts";
import { paths } from "../lib/paths.ts";
import { riskKindLabels } from "../lib/vocabulary.ts";

/** A risk in one line for a table row: its rank, kind and whose it is; the summary on hover. */
export function RiskHeadline({ risk }: { risk: RiskHeadlineView | null }) {
  if (risk === null) return <span className="muted">none</span>;
  return (
    <span className="risk-headline" title={risk.summary}>
      <span className="risk-rank" title="Rank: severity × exposure × likelihood">
        {risk.rank.toFixed(1)}
      </span>{" "}
      {riskKindLabels[risk.kind]}
      {" · "}
      {risk.systemId === undefined ? (
        <Link href={paths.team(risk.team)}>team {risk.team}</Link>
      ) : (
        <Link href={paths.system(risk.systemId)}>{risk.systemId}</Link>
      )}
    </span>
  );
}
