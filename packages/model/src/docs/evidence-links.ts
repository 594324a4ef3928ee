// How event types, rubric populations, metrics and criteria refer to one another, for the links
// between docs/event-catalogue.md and docs/rubric.md. Derived from the rubric and the event notes.
import { eventTypes, type EventType } from "../events/catalogue.ts";
import type { MetricName } from "../report/metrics.ts";
import type { RuleMetric } from "../rubric/populations.ts";
import type { CriterionDefinition, Rubric } from "../rubric/schema.ts";
import type { Population } from "../rubric/populations.ts";
import { fieldsNamed, leafRules } from "../rubric/rule-fields.ts";
import { eventNotes } from "./event-notes.ts";

/** The report metric each `metric` rule tests. */
export const reportMetricOfRule: Record<RuleMetric, MetricName> = {
  deploymentsPerWeek: "deploymentsPerWeek",
  changeFailureRate: "changeFailureRate",
  leadTimeP50Hours: "leadTime",
  recoveryP50Hours: "timeToRecovery",
  attributedCostShare: "costByFeature",
  auditResponseP50Hours: "auditResponse",
};

/**
 * The criteria that read what an event type feeds, in rubric order: those counting the records it
 * adds, those testing the fields it sets on other records, and those testing its metrics.
 */
export function criteriaReading(type: EventType, rubric: Rubric): CriterionDefinition[] {
  const note = eventNotes[type];
  return rubric.criteria.filter((criterion) =>
    leafRules(criterion).some((rule) => {
      if (rule.rule === "metric") return note.metrics.includes(reportMetricOfRule[rule.metric]);
      if (note.populations.includes(rule.of)) return true;
      const qualified: readonly string[] = note.qualifies?.[rule.of] ?? [];
      return fieldsNamed(rule).some((field) => qualified.includes(field));
    }),
  );
}

/** The event types that feed a population. */
export function eventTypesFeeding(population: Population): EventType[] {
  return eventTypes.filter((type) => eventNotes[type].populations.includes(population));
}

/** The event types that set fields of a population's records, with those fields. */
export function eventTypesQualifying(population: Population): [EventType, readonly string[]][] {
  return eventTypes.flatMap((type) => {
    const fields = eventNotes[type].qualifies?.[population];
    return fields === undefined ? [] : [[type, fields] as [EventType, readonly string[]]];
  });
}

/** The event types a report metric is computed from. */
export function eventTypesCounting(metric: MetricName): EventType[] {
  return eventTypes.filter((type) => eventNotes[type].metrics.includes(metric));
}
