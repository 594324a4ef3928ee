// The human-readable summary of a score report.
import { axes, type Axis, type Metrics, type Risk, type ScoreReport } from "@maturity/model";
import { gapForecastPhrase, systemForecastLine } from "./forecast-lines.ts";

const axisHeader: Record<Axis, string> = {
  reproducibility: "repro",
  evaluation: "eval",
  deployment: "deploy",
  observability: "observ",
  governance: "govern",
};

const pad = (text: string, width: number) => text.padEnd(width);
const num = (n: number | null, unit = "") => (n === null ? "–" : `${n.toFixed(1)}${unit}`);
const pct = (n: number | null) => (n === null ? "–" : `${Math.round(n * 100)}%`);

function metricsLine(m: Metrics): string {
  const band = (name: keyof Metrics["bands"]) => {
    const b = m.bands[name];
    if (b === undefined || b.level === null) return "";
    return ` (L${b.level}${b.dora ? `, DORA ${b.dora}` : ""})`;
  };
  return [
    `deploys/week ${num(m.deploymentsPerWeek)}${band("deploymentsPerWeek")}`,
    `lead time p50 ${num(m.leadTimeHours.p50, "h")}${band("leadTime")}`,
    `change failure ${pct(m.changeFailureRate)}${band("changeFailureRate")}`,
    `recovery p50 ${num(m.timeToRecoveryHours.p50, "h")}${band("timeToRecovery")}`,
    `unattributed spend ${pct(m.unattributedCostShare)}`,
  ].join(" · ");
}

function riskLine(risk: Risk, index: number): string[] {
  const where = risk.systemId ?? `team ${risk.team}`;
  return [
    `  ${index + 1}. [${risk.rank.toFixed(2)}] ${risk.kind} · ${where}: ${risk.summary}`,
    `     next: ${risk.nextUpgrade}`,
  ];
}

export function formatSummary(
  report: ScoreReport,
  options: { topRisks?: number; orgRisks?: number } = {},
): string {
  const topRisks = options.topRisks ?? 3;
  const orgRisks = options.orgRisks ?? 10;
  const out: string[] = [];
  out.push(
    `Maturity as of ${report.asOf} (rubric ${report.rubricVersion}), ${report.systems.length} system(s)`,
  );
  out.push("");

  const nameWidth = Math.max(6, ...report.systems.map((s) => s.systemId.length)) + 2;
  out.push(
    `${pad("system", nameWidth)}${pad("kind", 11)}${axes.map((a) => pad(axisHeader[a], 11)).join("")}`,
  );
  for (const s of report.systems) {
    const cells = axes.map((a) => pad(`L${s.axes[a].level} ${s.axes[a].score.toFixed(2)}`, 11)).join("");
    out.push(`${pad(s.systemId, nameWidth)}${pad(s.kind, 11)}${cells}${s.retired ? " (retired)" : ""}`);
  }

  for (const s of report.systems) {
    out.push("");
    out.push(
      `${s.systemId} — ${s.name} · team ${s.team} · ${s.kind} · ${s.riskTier} risk${s.registered ? "" : " · not registered"}`,
    );
    out.push(`  ${metricsLine(s.metrics)}`);
    for (const w of s.waivers ?? [])
      out.push(
        `  waived: ${w.criterionId} until ${w.expiresAt.slice(0, 10)}, approved by ${w.approver}: ${w.reason}`,
      );
    out.push(...systemForecastLine(s.forecast));
    if (s.risks.length === 0) out.push("  no risks");
    s.risks.slice(0, topRisks).forEach((r, i) => out.push(...riskLine(r, i)));
  }

  out.push("");
  out.push("Teams (median score per track; gap = classical − llm/agent)");
  for (const t of report.teams) {
    const gaps = axes
      .filter((a) => t.trackGap[a] !== null)
      .map((a) => `${axisHeader[a]} ${(t.trackGap[a] as number).toFixed(2)}`);
    out.push(`  ${t.team} (${t.systemCount} system(s))${gaps.length > 0 ? `: gap ${gaps.join(", ")}` : ""}`);
    const heading = gapForecastPhrase(t.forecast);
    if (heading !== undefined) out.push(`    LLM/agent gap at present pace: ${heading}`);
  }
  const orgHeading = gapForecastPhrase(report.org.forecast);
  if (orgHeading !== undefined) out.push(`  organisation: LLM/agent gap at present pace: ${orgHeading}`);

  out.push("");
  out.push(`Org risks (${report.org.risks.length}, highest first)`);
  report.org.risks.slice(0, orgRisks).forEach((r, i) => out.push(...riskLine(r, i)));
  if (report.org.risks.length > orgRisks)
    out.push(`  … ${report.org.risks.length - orgRisks} more (use --json)`);
  return out.join("\n");
}
