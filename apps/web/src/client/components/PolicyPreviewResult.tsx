import { Link } from "wouter";
import type { PolicyPreviewResult as Result } from "../lib/api-types.ts";
import { formatDateTime, formatScore } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { axisLabels, systemKindLabels } from "../lib/vocabulary.ts";
import { PolicyCriteria } from "./PolicyCriteria.tsx";
import { PolicyDiff } from "./PolicyDiff.tsx";

type Valid = Extract<Result, { ok: true }>;

const label = (policy: { name: string; version: string }) => `${policy.name} ${policy.version}`;

/** A refused file: every error at its place (line:column), with the field's path and what is wrong. */
export function PolicyErrors({
  errors,
  fileName,
}: {
  errors: Extract<Result, { ok: false }>["errors"];
  fileName: string;
}) {
  return (
    <div className="error-box" role="alert" data-testid="policy-errors">
      <p>
        <strong>
          {fileName} is refused: {errors.length} error{errors.length === 1 ? "" : "s"}.
        </strong>{" "}
        Nothing was previewed; fix {errors.length === 1 ? "it" : "them"} and preview again.
      </p>
      <ol className="policy-errors">
        {errors.map((error, index) => (
          <li key={index}>
            <code>
              {error.line === null ? "" : `${error.line}:${error.column ?? 1}`}
              {error.path === "" ? "" : ` ${error.path}`}
            </code>{" "}
            {error.message}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * What activating a valid file would do: its differences from the policy in force (and the built-in
 * rubric), every system × axis whose score would change, the moves per team and track, and the
 * criteria behind them.
 */
export function PolicyPreviewResult({ result }: { result: Valid }) {
  const { candidate, inForce, preview } = result;
  const movedSystems = new Set(preview.changes.map((change) => change.systemId)).size;
  return (
    <div className="policy-preview" data-testid="policy-preview">
      <dl className="facts">
        <div>
          <dt>Candidate</dt>
          <dd data-testid="candidate-name">{label(candidate)}</dd>
        </div>
        <div>
          <dt>Rubric version</dt>
          <dd>
            <code>{candidate.rubricVersion}</code>
          </dd>
        </div>
        <div>
          <dt>Compared with</dt>
          <dd>{label(inForce)} (in force)</dd>
        </div>
        <div>
          <dt>Content hash</dt>
          <dd>
            <code title={candidate.contentHash}>{candidate.contentHash.slice(0, 12)}…</code>
          </dd>
        </div>
      </dl>
      {candidate.description ? <p className="small">{candidate.description}</p> : null}

      <h3>Changes from the policy in force</h3>
      <PolicyDiff
        diff={result.fromInForce}
        from={label(inForce)}
        to={label(candidate)}
        testId="diff-from-in-force"
      />
      {inForce.kind !== "builtin" ? (
        <details>
          <summary>Changes from the built-in rubric</summary>
          <PolicyDiff diff={result.fromBuiltin} from="the built-in rubric" to={label(candidate)} />
        </details>
      ) : null}

      <h3>Systems that would move</h3>
      <p className="small muted">
        Every system scored from its stored facts as of {formatDateTime(preview.asOf)} under both policies, so
        only the policy makes the difference: {result.systemsScored} scored
        {result.systemsSkipped > 0 ? `, ${result.systemsSkipped} waiting for a replay left out` : ""}.
      </p>
      {preview.changes.length === 0 ? (
        <p className="muted" data-testid="no-moves">
          No score would change.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="compact" data-testid="policy-moves">
            <caption>
              {preview.changes.length} axis score{preview.changes.length === 1 ? "" : "s"} would change on{" "}
              {movedSystems} system{movedSystems === 1 ? "" : "s"}
            </caption>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Team</th>
                <th scope="col">Axis</th>
                <th scope="col">Now</th>
                <th scope="col">Under {candidate.name}</th>
                <th scope="col">Move</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change) => {
                const move =
                  change.to.level > change.from.level
                    ? "up"
                    : change.to.level < change.from.level
                      ? "down"
                      : "score";
                return (
                  <tr key={`${change.systemId}/${change.axis}`}>
                    <th scope="row">
                      <Link href={paths.system(change.systemId)}>{change.name ?? change.systemId}</Link>
                    </th>
                    <td>{change.team}</td>
                    <td>{axisLabels[change.axis]}</td>
                    <td>
                      L{change.from.level} · {formatScore(change.from.score)}
                    </td>
                    <td>
                      L{change.to.level} · {formatScore(change.to.score)}
                    </td>
                    <td className={move === "score" ? "muted" : move}>
                      {move === "up" ? "▲ up a level" : move === "down" ? "▼ down a level" : "score only"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {preview.teams.length > 0 ? (
        <div className="table-scroll">
          <table className="compact" data-testid="policy-team-moves">
            <caption>
              Systems moving a level, per team and track (a system up on one axis and down on another counts
              in both)
            </caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Track</th>
                <th scope="col">Up</th>
                <th scope="col">Down</th>
              </tr>
            </thead>
            <tbody>
              {preview.teams.map((team) => (
                <tr key={`${team.team}/${team.track}`}>
                  <th scope="row">{team.team}</th>
                  <td>{systemKindLabels[team.track]}</td>
                  <td className="number up">{team.up}</td>
                  <td className="number down">{team.down}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {preview.criteria.length > 0 ? (
        <div className="table-scroll">
          <table className="compact" data-testid="policy-criterion-moves">
            <caption>Criteria behind the moves: systems whose status on each would differ</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Systems</th>
              </tr>
            </thead>
            <tbody>
              {preview.criteria.map((row) => (
                <tr key={row.criterionId}>
                  <th scope="row">
                    {row.title ?? row.criterionId} <code className="small">{row.criterionId}</code>
                  </th>
                  <td className="number">{row.systems}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <details>
        <summary>{label(candidate)} criterion by criterion</summary>
        <PolicyCriteria policy={candidate} idPrefix="candidate" />
      </details>
    </div>
  );
}
