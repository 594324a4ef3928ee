import type { PolicyInForce } from "../lib/api-types.ts";
import { formatPercent } from "../lib/format.ts";
import { levelName } from "../lib/levels.ts";
import { axisLabels, axisList, riskTierLabels, systemKindLabels } from "../lib/vocabulary.ts";
import { fieldLabels } from "./PolicyDiff.tsx";

type Policy = Pick<PolicyInForce, "criteria" | "disabled" | "waivers" | "name">;

/**
 * A policy's criteria, one table per axis with a row group per level, what differs from the
 * built-in rubric marked on each; then the criteria it turns off, with why, and its waiver rules.
 */
export function PolicyCriteria({ policy, idPrefix }: { policy: Policy; idPrefix: string }) {
  return (
    <>
      {axisList.map((axis) => {
        const ofAxis = policy.criteria.filter((criterion) => criterion.axis === axis);
        const levels = [...new Set(ofAxis.map((criterion) => criterion.level))].sort((a, b) => a - b);
        const headingId = `${idPrefix}-axis-${axis}`;
        return (
          <section key={axis} aria-labelledby={headingId} className="policy-axis">
            <h3 id={headingId}>{axisLabels[axis]}</h3>
            {ofAxis.length === 0 ? (
              <p className="muted">No criteria on this axis.</p>
            ) : (
              <div className="table-scroll">
                <table className="compact policy-criteria" data-testid={`${idPrefix}-criteria-${axis}`}>
                  <caption>
                    {ofAxis.length} {axisLabels[axis].toLowerCase()} criteri{ofAxis.length === 1 ? "on" : "a"}{" "}
                    by level; each is met when its rule's degree reaches the threshold, over its evidence
                    window (default: the scoring run's, 90 days)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      <th scope="col">Rule</th>
                      <th scope="col">Met at</th>
                      <th scope="col">Window</th>
                      <th scope="col">Applies to</th>
                      <th scope="col">Evidence</th>
                    </tr>
                  </thead>
                  {levels.map((level) => (
                    <tbody key={level}>
                      <tr className="level-row">
                        <th scope="rowgroup" colSpan={6}>
                          Level {level} · {levelName(level)}
                        </th>
                      </tr>
                      {ofAxis
                        .filter((criterion) => criterion.level === level)
                        .map((criterion) => (
                          <tr
                            key={criterion.id}
                            className={criterion.change === null ? undefined : `policy-${criterion.change}`}
                            data-criterion={criterion.id}
                          >
                            <th scope="row">
                              {criterion.title}
                              <br />
                              <code className="small">{criterion.id}</code>
                              {criterion.change === "added" ? (
                                <span className="tag change-added">added by the policy</span>
                              ) : criterion.change === "changed" ? (
                                <span className="tag change-changed">
                                  changed:{" "}
                                  {criterion.changedFields.map((f) => fieldLabels[f] ?? f).join(", ")}
                                </span>
                              ) : null}
                            </th>
                            <td className="small">{criterion.rule}</td>
                            <td className="number">{formatPercent(criterion.threshold)}</td>
                            <td className="small">
                              {criterion.windowDays === null ? "default" : `${criterion.windowDays} days`}
                            </td>
                            <td className="small">
                              {criterion.appliesTo.map((kind) => systemKindLabels[kind]).join(", ")}
                              {criterion.riskTiers ? (
                                <>
                                  <br />
                                  risk tier{" "}
                                  {criterion.riskTiers.map((tier) => riskTierLabels[tier]).join(", ")}
                                </>
                              ) : null}
                              {criterion.teams ? (
                                <>
                                  <br />
                                  team {criterion.teams.join(", ")}
                                </>
                              ) : null}
                            </td>
                            <td className="small">{criterion.evidence}</td>
                          </tr>
                        ))}
                    </tbody>
                  ))}
                </table>
              </div>
            )}
          </section>
        );
      })}
      <section aria-labelledby={`${idPrefix}-disabled`} className="policy-axis">
        <h3 id={`${idPrefix}-disabled`}>Turned off</h3>
        {policy.disabled.length === 0 ? (
          <p className="muted">None: every built-in criterion applies.</p>
        ) : (
          <div className="table-scroll">
            <table className="compact" data-testid={`${idPrefix}-disabled-table`}>
              <caption>Built-in criteria {policy.name} turns off, and why</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Axis and level</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {policy.disabled.map((criterion) => (
                  <tr key={criterion.id} className="policy-disabled">
                    <th scope="row">
                      {criterion.title ?? criterion.id}
                      <br />
                      <code className="small">{criterion.id}</code>
                    </th>
                    <td className="small">
                      {criterion.axis ? axisLabels[criterion.axis] : "—"} L{criterion.level ?? "?"}
                    </td>
                    <td>{criterion.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby={`${idPrefix}-waivers`} className="policy-axis">
        <h3 id={`${idPrefix}-waivers`}>Waiver rules</h3>
        <dl className="facts">
          <div>
            <dt>Longest waiver</dt>
            <dd data-testid={`${idPrefix}-max-days`}>{policy.waivers.maxDays} days</dd>
          </div>
          <div>
            <dt>Never waived</dt>
            <dd>
              {policy.waivers.forbidden.length === 0
                ? "none: any criterion may be waived"
                : policy.waivers.forbidden.map((id) => (
                    <code key={id} className="forbidden-id">
                      {id}
                    </code>
                  ))}
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}
