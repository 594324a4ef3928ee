// A system's consolidated level fell on an axis between the committed states. Only the two states
// are compared: a level that falls and recovers inside one batch never shows, by design.
import { axes, type CriterionStatus } from "@maturity/model";
import type { AlertOf, CriterionMove } from "../alert.ts";
import type { LevelDroppedRule } from "../alerts-schema.ts";
import {
  allows,
  makeAlert,
  systemAllowed,
  systemLabel,
  systemSubject,
  type DecisionContext,
} from "./context.ts";

// Waived criteria count as met: a waiver keeps a level, so losing it is what drops one.
const counts = (status: CriterionStatus) => status === "met" || status === "waived";

export function levelDropped(rule: LevelDroppedRule, context: DecisionContext): AlertOf<"level_dropped">[] {
  const alerts: AlertOf<"level_dropped">[] = [];
  for (const [systemId, system] of context.afterSystems) {
    const prior = context.beforeSystems.get(systemId);
    // A system seen for the first time has no level to drop from.
    if (prior === undefined || !systemAllowed(rule, system)) continue;
    const priorCriteria = new Map(prior.criteria.map((c) => [c.id, c]));
    for (const axis of axes) {
      if (!allows(rule.axes, axis)) continue;
      const before = prior.levels[axis];
      const after = system.levels[axis];
      if (before - after < rule.minDrop) continue;
      const moved = system.criteria.flatMap((criterion) => {
        const was = priorCriteria.get(criterion.id);
        return criterion.axis === axis && was !== undefined && counts(was.status) && !counts(criterion.status)
          ? [{ move: { id: criterion.id, before: was.status, after: criterion.status }, was, criterion }]
          : [];
      });
      const criteria: CriterionMove[] = moved.map((m) => m.move);
      const because =
        criteria.length === 0
          ? ""
          : ` No longer counting: ${criteria.map((c) => `${c.id} (now ${c.after})`).join(", ")}.`;
      alerts.push(
        makeAlert(rule, context, {
          subject: systemSubject(system),
          change: { axis, before, after, criteria },
          changeKey: `${axis}:${before}->${after}`,
          evidence: moved.flatMap((m) => [...m.criterion.evidence, ...m.was.evidence]),
          summary: `${systemLabel(system)} dropped from level ${before} to level ${after} on ${axis}.${because}`,
        }),
      );
    }
  }
  return alerts;
}
