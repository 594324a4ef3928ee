import type { CriterionResult } from "@maturity/model";
import { formatPercent } from "../lib/format.ts";
import type { CriterionGuide } from "../lib/api-types.ts";
import { EvidencePanel } from "./EvidencePanel.tsx";

interface Props {
  systemId: string;
  criterion: CriterionResult;
  /** What the rubric says of it (sent with the report, so it matches the rubric that scored it). */
  definition: CriterionGuide | undefined;
  evidenceAsOf: string | undefined;
  evidenceOpen: boolean;
  onToggleEvidence: () => void;
}

const statusText = { met: "Met", unmet: "Not met", no_data: "No data", waived: "Waived" } as const;
const statusIcon = { met: "✓", unmet: "✗", no_data: "?", waived: "≈" } as const;

/** One rubric criterion: its status in words and symbol, what it checks, how to meet it, and the clauses. */
export function CriterionItem({
  systemId,
  criterion,
  definition,
  evidenceAsOf,
  evidenceOpen,
  onToggleEvidence,
}: Props) {
  const evidenceCount = criterion.evidenceCount;
  return (
    <li className={`criterion status-${criterion.status}`}>
      <div className="criterion-head">
        <span className="criterion-status" aria-hidden="true">
          {statusIcon[criterion.status]}
        </span>
        <span className="criterion-status-text">{statusText[criterion.status]}</span>
        <span className="criterion-title">
          L{criterion.level} · {definition?.title ?? criterion.id}
        </span>
        <span className="muted small">
          {criterion.status === "waived"
            ? "counts as met while the waiver runs (see Waivers)"
            : `degree ${formatPercent(criterion.degree)}`}
        </span>
        {criterion.aheadOfFoundation ? (
          <span className="tag" title="Met, but a lower level is not complete yet, so it earns no credit">
            ahead of foundation
          </span>
        ) : null}
      </div>
      {definition ? (
        <>
          <p className="criterion-explanation">{definition.explanation}</p>
          <p className="small">
            <span className="muted">Regulations: </span>
            {definition.regulations.map((clause) => `${clause.framework} ${clause.clause}`).join("; ")}
            {definition.threshold < 1 ? (
              <span className="muted"> · met at {formatPercent(definition.threshold)} or more</span>
            ) : null}
          </p>
        </>
      ) : (
        <p className="muted small">The rubric has no explanation of this criterion ({criterion.id}).</p>
      )}
      <button
        type="button"
        className="link"
        aria-expanded={evidenceOpen}
        disabled={evidenceCount === 0}
        onClick={onToggleEvidence}
      >
        {evidenceCount === 0
          ? "No evidence events"
          : `${evidenceOpen ? "Hide" : "Show"} evidence (${evidenceCount} event${evidenceCount === 1 ? "" : "s"})`}
      </button>
      {evidenceOpen ? (
        <EvidencePanel
          systemId={systemId}
          criterionId={criterion.id}
          asOf={evidenceAsOf}
          total={evidenceCount}
          onClose={onToggleEvidence}
        />
      ) : null}
    </li>
  );
}
