import { Link } from "wouter";
import type { Risk } from "../lib/api-types.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels, riskKindLabels } from "../lib/vocabulary.ts";

interface Props {
  risks: readonly Risk[];
  /** Shown when there are none, e.g. "No risks for this team." */
  empty: string;
  /** The number of the first (a later page of a ranking continues its numbering). */
  start?: number;
}

/** Risks, highest rank first: what is wrong, the evidence count, and the next upgrade. */
export function RiskList({ risks, empty, start = 1 }: Props) {
  if (risks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="risk-list" start={start}>
      {risks.map((risk, index) => (
        <li key={`${risk.kind}/${risk.systemId ?? risk.team}/${risk.axes?.join(",") ?? ""}/${index}`}>
          <div className="risk-head">
            <span className="risk-rank" title="Rank: severity × exposure × likelihood">
              {risk.rank.toFixed(1)}
            </span>
            <span className="risk-kind">{riskKindLabels[risk.kind]}</span>
            {risk.systemId ? (
              <Link href={paths.system(risk.systemId)}>{risk.systemId}</Link>
            ) : (
              <Link href={paths.team(risk.team)}>team {risk.team}</Link>
            )}
            {risk.axes?.length ? (
              <span className="muted">{risk.axes.map((axis) => axisLabels[axis]).join(" vs ")}</span>
            ) : null}
          </div>
          <p>{risk.summary}</p>
          <p className="next-upgrade">
            <strong>Next upgrade:</strong> {risk.nextUpgrade}
          </p>
          <p className="muted small">
            {risk.evidence.length === 0
              ? "No evidence events attached."
              : `${new Set(risk.evidence).size} evidence event(s) behind it.`}
          </p>
        </li>
      ))}
    </ol>
  );
}
