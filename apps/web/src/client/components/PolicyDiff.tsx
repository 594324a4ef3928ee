import type { PolicyDiffView } from "../lib/api-types.ts";
import { axisLabels } from "../lib/vocabulary.ts";

type Change = PolicyDiffView["criteria"][number];

export const changeLabels: Record<Change["change"], string> = {
  added: "Added",
  changed: "Changed",
  disabled: "Disabled",
  enabled: "Enabled again",
  removed: "Removed",
};

export const fieldLabels: Record<string, string> = {
  title: "Title",
  appliesTo: "Applies to",
  riskTiers: "Risk tiers",
  teams: "Teams",
  windowDays: "Evidence window",
  threshold: "Met at",
  degree: "Rule",
  evidence: "Evidence kind",
  regulations: "Regulations",
  explanation: "Explanation",
};

/**
 * What one policy changes of another, criterion by criterion (each field before → after), and its
 * waiver rules; `from` and `to` name the two in the caption.
 */
export function PolicyDiff({
  diff,
  from,
  to,
  testId,
}: {
  diff: PolicyDiffView;
  from: string;
  to: string;
  testId?: string;
}) {
  const { waivers } = diff;
  const waiverChanges = [
    ...(waivers.maxDays ? [`Longest waiver: ${waivers.maxDays.before} → ${waivers.maxDays.after} days`] : []),
    ...waivers.forbiddenAdded.map((id) => `May no longer be waived: ${id}`),
    ...waivers.forbiddenRemoved.map((id) => `May be waived again: ${id}`),
  ];
  if (diff.criteria.length === 0 && waiverChanges.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        No differences: {to} scores exactly as {from} and allows the same waivers.
      </p>
    );
  return (
    <div data-testid={testId}>
      {diff.criteria.length > 0 ? (
        <div className="table-scroll">
          <table className="compact diff-table">
            <caption>
              {diff.criteria.length} criteri{diff.criteria.length === 1 ? "on differs" : "a differ"}: {from} →{" "}
              {to}
            </caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Change</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {diff.criteria.map((change) => (
                <tr key={change.criterion} className={`diff-${change.change}`}>
                  <th scope="row">
                    <code>{change.criterion}</code>
                    <br />
                    <span className="small">
                      {axisLabels[change.axis]} L{change.level} · {change.title}
                    </span>
                  </th>
                  <td>
                    <span className={`tag change-${change.change}`}>{changeLabels[change.change]}</span>
                  </td>
                  <td>
                    {change.change === "changed" ? (
                      <ul className="field-changes">
                        {change.fields.map((field) => (
                          <li key={field.field}>
                            <span className="muted">{fieldLabels[field.field] ?? field.field}: </span>
                            <del>{field.beforeText}</del> → <ins>{field.afterText}</ins>
                          </li>
                        ))}
                      </ul>
                    ) : change.change === "disabled" || change.change === "enabled" ? (
                      <span>{change.reason}</span>
                    ) : change.change === "added" ? (
                      <span className="muted">New criterion</span>
                    ) : (
                      <span className="muted">No longer in the rubric</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Every criterion is as in {from}.</p>
      )}
      {waiverChanges.length > 0 ? (
        <>
          <h4>Waiver rules</h4>
          <ul className="small">
            {waiverChanges.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
