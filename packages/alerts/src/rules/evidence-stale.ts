// A criterion of a watched system (high-risk by default) had evidence and now has none: an activity
// that stopped inside its window, or state evidence that no longer holds. The practice may have
// lapsed, and for a high-risk system someone should look before an auditor does.
import type { AlertOf } from "../alert.ts";
import type { EvidenceStaleRule } from "../alerts-schema.ts";
import {
  allows,
  makeAlert,
  systemAllowed,
  systemLabel,
  systemSubject,
  type DecisionContext,
} from "./context.ts";

export function evidenceStale(
  rule: EvidenceStaleRule,
  context: DecisionContext,
): AlertOf<"evidence_stale">[] {
  const alerts: AlertOf<"evidence_stale">[] = [];
  for (const [systemId, system] of context.afterSystems) {
    const prior = context.beforeSystems.get(systemId);
    if (prior === undefined || !systemAllowed(rule, system)) continue;
    const priorCriteria = new Map(prior.criteria.map((c) => [c.id, c]));
    for (const criterion of system.criteria) {
      const was = priorCriteria.get(criterion.id);
      if (
        was === undefined ||
        !allows(rule.axes, criterion.axis) ||
        !allows(rule.evidence, criterion.evidenceKind)
      )
        continue;
      // A waived criterion's "evidence" is its grant: a waiver ending is waiver_expiring's news.
      if (was.status === "waived" || was.evidenceCount === 0 || criterion.evidenceCount > 0) continue;
      alerts.push(
        makeAlert(rule, context, {
          subject: systemSubject(system),
          change: {
            criterionId: criterion.id,
            axis: criterion.axis,
            evidenceKind: criterion.evidenceKind,
            before: { status: was.status, evidenceCount: was.evidenceCount },
            after: { status: criterion.status, evidenceCount: criterion.evidenceCount },
          },
          changeKey: criterion.id,
          // The events that no longer count: what to look at first.
          evidence: was.evidence,
          summary: `${systemLabel(system)}, ${system.riskTier} risk, has no ${criterion.evidenceKind} evidence left for ${criterion.id} (it had ${was.evidenceCount} event${was.evidenceCount === 1 ? "" : "s"}); it is now ${criterion.status.replace("_", " ")}.`,
        }),
      );
    }
  }
  return alerts;
}
