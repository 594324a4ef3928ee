import { Link } from "wouter";
import type { ClauseView } from "../lib/api-types.ts";
import { clauseStatusIcon, clauseStatusText, frameworkSlug } from "../lib/compliance.ts";
import { formatDateTime } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

interface Props {
  systemId: string;
  framework: string;
  clauses: readonly ClauseView[];
}

type CriterionView = ClauseView["criteria"][number];

/** The newest evidence events of one criterion; the rest are on the system page. */
function EvidenceCell({ systemId, criterion }: { systemId: string; criterion: CriterionView }) {
  if (criterion.evidence.length === 0) return <span className="muted">none</span>;
  const more = criterion.evidenceCount - criterion.evidence.length;
  return (
    <>
      <ul className="clause-evidence">
        {criterion.evidence.map((event) => (
          <li key={event.id}>
            {event.type === null ? (
              <span className="muted">not in the event store</span>
            ) : (
              <>
                <code>{event.type}</code> <time dateTime={event.time}>{formatDateTime(event.time)}</time>
              </>
            )}{" "}
            <span className="muted small">id {event.id}</span>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <Link href={paths.system(systemId, { evidence: criterion.criterionId })} className="small">
          {more} more on the system page
        </Link>
      ) : null}
    </>
  );
}

/** One framework: each clause its rubric's criteria cite, whether it is supported, and why. */
export function ClauseSection({ systemId, framework, clauses }: Props) {
  const slug = frameworkSlug(framework);
  const supported = clauses.filter((clause) => clause.supported).length;
  return (
    <section aria-labelledby={`framework-${slug}`} className="panel" data-testid={`framework-${slug}`}>
      <h2 id={`framework-${slug}`}>{framework}</h2>
      <p className="small muted">
        {supported} of {clauses.length} clause{clauses.length === 1 ? "" : "s"} supported: every criterion of
        the clause that applies to this system is met or waived. Open a clause for its criteria and evidence.
      </p>
      <ol className="clause-list">
        {clauses.map((clause) => {
          const applying = clause.criteria.filter((c) => c.status !== "not_applicable");
          const held = applying.filter((c) => c.status === "met" || c.status === "waived").length;
          return (
            <li
              key={clause.clause}
              className={clause.supported ? "clause clause-supported" : "clause"}
              data-clause={clause.clause}
            >
              <details>
                <summary>
                  <span className="clause-name">{clause.clause}</span>{" "}
                  {clause.supported ? (
                    <span className="tag tag-supported">✓ supported</span>
                  ) : (
                    <span className="tag">not supported</span>
                  )}{" "}
                  <span className="small muted">
                    {applying.length === 0
                      ? "no criterion of it applies to this system"
                      : `${held} of ${applying.length} criteria met or waived`}
                  </span>
                </summary>
                <div className="table-scroll">
                  <table className="compact clause-criteria">
                    <caption className="visually-hidden">
                      Criteria behind {framework} {clause.clause}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">Status</th>
                        <th scope="col">Evidence (newest first)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {clause.criteria.map((criterion) => (
                        <tr
                          key={criterion.criterionId}
                          className={`status-${criterion.status}`}
                          data-criterion={criterion.criterionId}
                        >
                          <th scope="row">
                            {criterion.title}
                            <br />
                            <code className="small muted">{criterion.criterionId}</code>
                          </th>
                          <td className="nowrap">
                            <span className="criterion-status" aria-hidden="true">
                              {clauseStatusIcon[criterion.status]}
                            </span>{" "}
                            <span className="criterion-status-text">
                              {clauseStatusText[criterion.status]}
                            </span>
                          </td>
                          <td>
                            <EvidenceCell systemId={systemId} criterion={criterion} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
