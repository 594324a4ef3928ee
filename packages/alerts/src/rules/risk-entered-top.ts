// A risk is now among the N highest of the organisation (or of its team) and was not before. A risk
// that only moves up inside the top N is no news; one that leaves and comes back is.
import type { AlertOf, AlertSubject } from "../alert.ts";
import type { RiskEnteredTopRule } from "../alerts-schema.ts";
import type { AlertSnapshot, RankedRisk } from "../snapshot.ts";
import { allows, compare, makeAlert, systemSubject, type DecisionContext } from "./context.ts";

export function riskEnteredTop(
  rule: RiskEnteredTopRule,
  context: DecisionContext,
): AlertOf<"risk_entered_top">[] {
  const alerts: AlertOf<"risk_entered_top">[] = [];
  const beforeRankings = rankings(context.before, rule.scope);
  for (const [team, ranking] of rankings(context.after, rule.scope)) {
    const wasTop = new Map(
      (beforeRankings.get(team) ?? []).slice(0, rule.top).map((risk, index) => [risk.id, index + 1]),
    );
    ranking.slice(0, rule.top).forEach((risk, index) => {
      if (wasTop.has(risk.id) || !allowed(rule, risk, context)) return;
      const position = index + 1;
      const system = risk.systemId === undefined ? undefined : context.afterSystems.get(risk.systemId);
      const subject: AlertSubject =
        system === undefined ? { type: "team", team: risk.team } : systemSubject(system);
      const owner = system === undefined ? `team ${risk.team}` : `${system.name} (team ${system.team})`;
      const ranked = rule.scope === "org" ? "the organisation's" : `team ${risk.team}'s`;
      const { id, kind, systemId, title, rank } = risk;
      alerts.push(
        makeAlert(rule, context, {
          subject,
          change: {
            scope: rule.scope,
            ...(rule.scope === "team" && { team: risk.team }),
            top: rule.top,
            risk: { id, kind, ...(systemId !== undefined && { systemId }), team: risk.team, title, rank },
            before: null,
            after: position,
          },
          changeKey: `${rule.scope}:${team}:top${rule.top}:${risk.id}`,
          evidence: risk.evidence,
          summary: `A ${kind.replaceAll("_", " ")} risk of ${owner} entered ${ranked} top ${rule.top} at #${position}: ${title}`,
        }),
      );
    });
  }
  return alerts;
}

// The organisation's ranking (under the key "") or each team's, in rank order, teams sorted.
function rankings(snapshot: AlertSnapshot, scope: "org" | "team"): Map<string, RankedRisk[]> {
  if (scope === "org") return new Map([["", snapshot.risks]]);
  const byTeam = new Map<string, RankedRisk[]>();
  for (const risk of snapshot.risks) {
    const ranking = byTeam.get(risk.team);
    if (ranking === undefined) byTeam.set(risk.team, [risk]);
    else ranking.push(risk);
  }
  return new Map([...byTeam].sort(([a], [b]) => compare(a, b)));
}

function allowed(rule: RiskEnteredTopRule, risk: RankedRisk, context: DecisionContext): boolean {
  if (!allows(rule.riskKinds, risk.kind) || !allows(rule.teams, risk.team)) return false;
  if (rule.kinds === undefined && rule.riskTiers === undefined) return true;
  // Filtering by kind or tier asks about a system: a team-level risk has none.
  const system = risk.systemId === undefined ? undefined : context.afterSystems.get(risk.systemId);
  return system !== undefined && allows(rule.kinds, system.kind) && allows(rule.riskTiers, system.riskTier);
}
