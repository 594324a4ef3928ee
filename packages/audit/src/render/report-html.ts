// report.html: the pack for a person. One self-contained page (inline style, no script, nothing
// fetched): the system and who answers for it, every criterion with what it checks and the events
// behind it, metrics, risks, waivers, history, then the regulation view and — apart — what the
// frameworks ask that events cannot show. Every piece of text is escaped (see html.ts).
import type { Axis, CriterionResult, SystemReport } from "@maturity/model";
import { axes } from "@maturity/model";
import type { CriterionDefinition } from "@maturity/model/rubric";
import type { PackBasis } from "../basis.ts";
import { clauseIndex, type ClauseCriterion } from "../clause-index.ts";
import type { EvidenceEvent } from "../evidence.ts";
import { clauseLabel, frameworks } from "../frameworks.ts";
import type { HistoryDocument } from "../history.ts";
import type { EventsSummary } from "../tally.ts";
import { html, raw, type Html } from "./html.ts";
import { metricRows } from "./metric-rows.ts";
import { reportCss } from "./report-css.ts";

export interface ReportPage {
  basis: PackBasis;
  evidence: ReadonlyMap<string, EvidenceEvent>;
  history: HistoryDocument;
  events: EventsSummary;
  chain: { head: string; length: number };
  /** The signing key's fingerprint; null for an unsigned pack. */
  fingerprint: string | null;
}

/** History rows shown on the page; history.json has them all. */
export const historyRowsShown = 200;

const axisNames: Record<Axis, string> = {
  reproducibility: "Reproducibility",
  evaluation: "Evaluation",
  deployment: "Deployment",
  observability: "Observability",
  governance: "Governance",
};

const statusWords: Record<ClauseCriterion["status"], string> = {
  met: "met",
  unmet: "unmet",
  no_data: "no data",
  waived: "waived",
  not_applicable: "does not apply",
};

export function reportHtml(page: ReportPage): string {
  const { basis } = page;
  const { report } = basis;
  const asOf = iso(basis.asOf);
  const rubric = new Map(basis.policy.rubric.criteria.map((c) => [c.id, c]));
  const doc = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Audit pack: ${report.name} as of ${asOf}</title>
        <style>
          ${raw(reportCss)}
        </style>
      </head>
      <body>
        <header>
          <h1>${report.name}</h1>
          <p class="lede">
            Audit pack for <code>${basis.systemId}</code> as of ${when(asOf)}, scored under rubric
            <code>${basis.policy.rubricVersion}</code>. Every statement below is computed from the events in
            <code>events.ndjson</code>; <code>manifest.json</code> records each file's SHA-256 and the head of
            the system's hash chain.
          </p>
        </header>
        ${systemSection(page)} ${axesSection(report, rubric, page.evidence)} ${metricsSection(report)}
        ${risksSection(report, page.evidence)} ${waiversSection(report)} ${modelSection(page)}
        ${historySection(page.history)} ${regulationSection(basis, page.evidence)} ${limitsSection()}
        ${aboutSection(page)}
      </body>
    </html> `;
  return doc.text;
}

function systemSection({ basis }: ReportPage): Html {
  const { report, dossier } = basis;
  const owner = dossier.owner;
  return html`<section id="system">
    <h2>The system</h2>
    <dl class="facts">
      <dt>Id</dt>
      <dd><code>${basis.systemId}</code></dd>
      <dt>Name</dt>
      <dd>${report.name}</dd>
      <dt>Team</dt>
      <dd>${report.team}</dd>
      <dt>Kind</dt>
      <dd>${report.kind}</dd>
      <dt>Risk tier</dt>
      <dd>${report.riskTier}</dd>
      <dt>In the catalogue</dt>
      <dd>
        ${report.registered ? "registered" : "never registered (defaults apply)"}${report.retired ? ", retired" : ""}
      </dd>
      <dt>Owner</dt>
      <dd>
        ${owner === null ? html`<span class="muted">no owner assigned by event</span>` : html`${owner.owner} <span class="muted">(assigned ${when(owner.assignedAt)}, event <code>${owner.eventId}</code>)</span>`}
      </dd>
      <dt>On call</dt>
      <dd>${owner?.onCallRotation ?? html`<span class="muted">no on-call rotation recorded</span>`}</dd>
      ${
        basis.nativeIds.length > 0
          ? html`<dt>Native ids</dt>
              <dd>${basis.nativeIds.map((ref, i) => html`${i > 0 ? ", " : ""}<code>${ref}</code>`)}</dd>`
          : ""
      }
    </dl>
  </section>`;
}

function axesSection(
  report: SystemReport,
  rubric: ReadonlyMap<string, CriterionDefinition>,
  evidence: ReadonlyMap<string, EvidenceEvent>,
): Html {
  return html`<section id="levels">
    <h2>Levels per axis</h2>
    <table>
      <thead>
        <tr>
          <th>Axis</th>
          <th>Level</th>
          <th>Score</th>
          <th>Criteria met or waived</th>
        </tr>
      </thead>
      <tbody>
        ${axes.map((axis) => {
          const { level, score, criteria } = report.axes[axis];
          const holding = criteria.filter((c) => c.status === "met" || c.status === "waived").length;
          return html`<tr>
            <td><a href="#axis-${axis}">${axisNames[axis]}</a></td>
            <td>${level}</td>
            <td>${score.toFixed(2)}</td>
            <td>${holding} of ${criteria.length}</td>
          </tr> `;
        })}
      </tbody>
    </table>
    ${axes.map((axis) => axisDetail(axis, report, rubric, evidence))}
  </section>`;
}

function axisDetail(
  axis: Axis,
  report: SystemReport,
  rubric: ReadonlyMap<string, CriterionDefinition>,
  evidence: ReadonlyMap<string, EvidenceEvent>,
): Html {
  const { level, score, criteria } = report.axes[axis];
  return html`<h3 id="axis-${axis}" class="axis-head">
      <span>${axisNames[axis]}</span><span class="level">L${level}</span
      ><span class="muted">${score.toFixed(2)}</span>
    </h3>
    <table>
      <thead>
        <tr>
          <th>Level</th>
          <th>Criterion and what it checks</th>
          <th>Status</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        ${criteria.map((c) => criterionRow(c, rubric.get(c.id), evidence))}
      </tbody>
    </table>`;
}

function criterionRow(
  result: CriterionResult,
  definition: CriterionDefinition | undefined,
  evidence: ReadonlyMap<string, EvidenceEvent>,
): Html {
  return html`<tr id="criterion-${result.id}">
    <td>${result.level}</td>
    <td>
      <strong>${definition?.title ?? result.id}</strong><br /><code>${result.id}</code>
      <br />${definition?.explanation ?? ""}
    </td>
    <td>
      ${status(result.status)}<br /><span class="muted"
        >degree ${result.degree} of
        ${definition?.threshold ?? 1}${result.aheadOfFoundation ? "; ahead of its foundation, no credit yet" : ""}</span
      >
    </td>
    <td>${evidenceList(result.evidence, result.evidenceCount, evidence)}</td>
  </tr> `;
}

function evidenceList(
  ids: readonly string[],
  count: number,
  evidence: ReadonlyMap<string, EvidenceEvent>,
): Html {
  if (ids.length === 0) return html`<span class="muted">no events</span>`;
  const more = count - ids.length;
  return html`<ul class="evidence">
      ${ids.map((id) => {
        const found = evidence.get(id);
        return found === undefined
          ? html`<li><code>${id}</code></li>`
          : html`<li><code>${id}</code> ${found.type}, ${when(found.time)}</li>`;
      })}
    </ul>
    ${more > 0 ? html`<span class="muted">and ${more} older</span>` : ""}`;
}

function metricsSection(report: SystemReport): Html {
  const { metrics } = report;
  return html`<section id="metrics">
    <h2>Operational metrics</h2>
    <p class="muted">
      Over the ${metrics.windowDays} days before the pack's time; a band is the maturity level the value
      corresponds to.
    </p>
    <table>
      <thead>
        <tr>
          <th>Metric</th>
          <th>Value</th>
          <th>Band</th>
          <th>Level</th>
          <th>DORA</th>
        </tr>
      </thead>
      <tbody>
        ${metricRows(metrics).map((row) => {
          const band = metrics.bands[row.name];
          return html`<tr>
            <td>${row.label}</td>
            <td>${row.value}</td>
            <td>${band?.label ?? "no data"}</td>
            <td>${band?.level ?? "—"}</td>
            <td>${band?.dora ?? "—"}</td>
          </tr> `;
        })}
      </tbody>
    </table>
  </section>`;
}

function risksSection(report: SystemReport, evidence: ReadonlyMap<string, EvidenceEvent>): Html {
  return html`<section id="risks">
    <h2>Open risks</h2>
    ${
      report.risks.length === 0
        ? html`<p class="muted">No open risks.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Rank</th>
                <th>Risk</th>
                <th>Next upgrade</th>
                <th>Evidence</th>
              </tr>
            </thead>
            <tbody>
              ${report.risks.map(
                (risk) =>
                  html`<tr>
                    <td>${risk.rank}</td>
                    <td><strong>${risk.kind.replaceAll("_", " ")}</strong><br />${risk.summary}</td>
                    <td>${risk.nextUpgrade}</td>
                    <td>${evidenceList(risk.evidence, risk.evidence.length, evidence)}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function waiversSection(report: SystemReport): Html {
  const waivers = report.waivers ?? [];
  return html`<section id="waivers">
    <h2>Waivers</h2>
    ${
      waivers.length === 0
        ? html`<p class="muted">No waiver in force.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Criterion</th>
                <th>Reason</th>
                <th>Approver</th>
                <th>Granted</th>
                <th>Expires</th>
                <th>Event</th>
              </tr>
            </thead>
            <tbody>
              ${waivers.map(
                (w) =>
                  html`<tr>
                    <td><code>${w.criterionId}</code></td>
                    <td>${w.reason}</td>
                    <td>${w.approver}</td>
                    <td>${when(w.grantedAt)}</td>
                    <td>${when(w.expiresAt)}</td>
                    <td><code>${w.eventId}</code></td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function modelSection({ basis }: ReportPage): Html {
  const { modelVersions, evalRuns } = basis.dossier;
  return html`<section id="model">
    <h2>Model versions and evaluations</h2>
    <h3>Registered model versions (newest first)</h3>
    ${
      modelVersions.length === 0
        ? html`<p class="muted">No model version was registered by event.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Model</th>
                <th>Version</th>
                <th>Registered</th>
                <th>Aliases</th>
                <th>Run</th>
              </tr>
            </thead>
            <tbody>
              ${modelVersions.map(
                (v) =>
                  html`<tr>
                    <td>${v.model}</td>
                    <td>${v.version}</td>
                    <td>${when(v.registeredAt)}</td>
                    <td>${v.aliases.join(", ")}</td>
                    <td>${v.runId ?? ""}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
    <h3>Evaluation runs (newest first)</h3>
    ${
      evalRuns.length === 0
        ? html`<p class="muted">No evaluation run was recorded.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Suite</th>
                <th>Of</th>
                <th>Gate</th>
                <th>Scores</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              ${evalRuns.map(
                (run) =>
                  html`<tr>
                    <td>${run.suite}</td>
                    <td>${run.modelVersion ?? run.release ?? ""}</td>
                    <td>${run.gate}</td>
                    <td>
                      ${Object.entries(run.scores)
                        .map(([metric, value]) => `${metric} ${value}`)
                        .join(", ")}
                    </td>
                    <td>${when(run.at)}</td>
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function historySection(history: HistoryDocument): Html {
  const newest = [...history.points].reverse().slice(0, historyRowsShown);
  return html`<section id="history">
    <h2>Score history</h2>
    <p class="muted">
      ${history.note}${history.points.length > newest.length ? ` The newest ${newest.length} of ${history.points.length} points are shown; history.json has them all.` : ""}
    </p>
    ${
      newest.length === 0
        ? html`<p class="muted">No history.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>From</th>
                <th>Axis</th>
                <th>Level</th>
                <th>Score</th>
                <th>Rubric</th>
                ${history.source === "store" ? html`<th>Cause</th>` : ""}
              </tr>
            </thead>
            <tbody>
              ${newest.map(
                (point) =>
                  html`<tr>
                    <td>${when(point.at)}</td>
                    <td>${point.axis}</td>
                    <td>${point.level}</td>
                    <td>${point.score.toFixed(2)}</td>
                    <td><code>${point.rubricVersion}</code></td>
                    ${history.source === "store" ? html`<td>${point.cause ?? ""}${point.causeEventId ? html` <code>${point.causeEventId}</code>` : ""}</td>` : ""}
                  </tr> `,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

function regulationSection(basis: PackBasis, evidence: ReadonlyMap<string, EvidenceEvent>): Html {
  const index = clauseIndex(basis.report, basis.policy.rubric);
  return html`<section id="regulations">
    <h2>The regulation view</h2>
    <p class="muted">
      For each clause the rubric cites, the criteria behind it and how they stand. A clause is marked
      supported when every criterion that applies to this system is met or waived. Support here means the
      events show the practice; it is not a finding of conformity.
    </p>
    ${frameworks.map((facts) => {
      const entries = index.filter((entry) => entry.framework === facts.framework);
      if (entries.length === 0) return "";
      return html`<h3 id="framework-${facts.slug}">
          ${facts.framework} <span class="muted">(${facts.edition})</span>
        </h3>
        <table>
          <thead>
            <tr>
              <th>Clause</th>
              <th>Supported</th>
              <th>Criteria</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map(
              (entry) =>
                html`<tr>
                  <td>${clauseLabel(entry.framework, entry.clause)}</td>
                  <td>${entry.supported ? "yes" : "no"}</td>
                  <td>
                    <ul class="evidence">
                      ${entry.criteria.map(
                        (c) =>
                          html`<li>
                            ${status(c.status)}
                            ${c.status === "not_applicable" ? c.title : html`<a href="#criterion-${c.criterionId}">${c.title}</a>`}${c.evidence.length > 0 ? html` <span class="muted">— ${c.evidence.slice(0, 3).map((id, i) => html`${i > 0 ? ", " : ""}<code>${id}</code>${evidence.get(id) === undefined ? "" : ` (${when(evidence.get(id)!.time)})`}`)}${c.evidence.length > 3 ? ` and ${c.evidence.length - 3} more` : ""}</span>` : ""}
                          </li>`,
                      )}
                    </ul>
                  </td>
                </tr> `,
            )}
          </tbody>
        </table>`;
    })}
  </section>`;
}

function limitsSection(): Html {
  return html`<section id="not-shown" class="limits">
    <h2>What events cannot show</h2>
    <p>
      These frameworks also ask for documents, designs and decisions that no event stream records. This pack
      makes no claim about them; an auditor needs them from the organisation directly.
    </p>
    ${frameworks.map(
      (facts) =>
        html`<h3>${facts.framework}</h3>
          <ul>
            ${facts.notShownByEvents.map((item) => html`<li>${item}</li>`)}
          </ul>`,
    )}
  </section>`;
}

function aboutSection({ basis, events, chain, fingerprint }: ReportPage): Html {
  const { policy } = basis;
  return html`<footer id="about">
    <h2>About this pack</h2>
    <dl class="facts">
      <dt>As of</dt>
      <dd>${iso(basis.asOf)}</dd>
      <dt>Rules</dt>
      <dd>
        ${policy.kind === "builtin" ? "the built-in rubric" : `${policy.kind} ${policy.name} version ${policy.version}`},
        rubric version <code>${policy.rubricVersion}</code>; content hash
        <span class="mono">${policy.contentHash}</span> (policy.json)
      </dd>
      <dt>Windows</dt>
      <dd>criteria evidence ${basis.windows.evidenceDays} days, metrics ${basis.windows.metricsDays} days</dd>
      <dt>Events</dt>
      <dd>
        ${events.count} in
        events.ndjson${events.first === null ? "" : `, from ${when(events.first)} to ${when(events.last!)}`};
        ${events.chained} of them links of the system's hash
        chain${events.afterAsOf > 0 ? `, ${events.afterAsOf} of those dated after the pack's time (not scored)` : ""}
      </dd>
      <dt>Chain head</dt>
      <dd><span class="mono">${chain.head}</span> after ${chain.length} link(s)</dd>
      <dt>Signature</dt>
      <dd>
        ${fingerprint === null ? "unsigned" : html`Ed25519, key fingerprint <span class="mono">${fingerprint}</span> (SHA-256 of the public key's DER)`}
      </dd>
      <dt>Made by</dt>
      <dd>${basis.generator}</dd>
    </dl>
    <p>
      Check this pack offline with <code>maturity audit-pack verify &lt;pack.zip&gt;</code>: it checks the
      signature, every file's hash, the hash chain, and that re-scoring events.ndjson gives this report.
    </p>
  </footer>`;
}

function status(value: ClauseCriterion["status"]): Html {
  return html`<span class="status status-${value}">${statusWords[value]}</span>`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** "2026-03-02 09:00 UTC": fixed, so the page is the same wherever it is made. */
function when(time: string): string {
  const at = new Date(time);
  return Number.isNaN(at.getTime()) ? time : `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
