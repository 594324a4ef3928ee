import { eventDataSchemas, isUnmappedSubject, keyLengths, type EventData } from "@maturity/model";
import { z } from "zod";
import type { SubjectRef } from "../systems.ts";
import type { AdapterResult, EventDraft, SkippedItem } from "./draft.ts";
import type { IncidentKind } from "./incident-rules.ts";
import { firstKeywordMatch, type KeywordRule } from "./keywords.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

export interface AlertmanagerDelivery {
  payload: unknown;
  now: Date;
  /** `severity` label values (lower case) whose alerts also open and resolve an incident. */
  incidentSeverities: readonly string[];
}

export type MonitorSignal = EventData<"monitor.alert.fired">["signal"];

/** The model's signal values (monitor.alert.fired's `signal`). */
export const monitorSignals: readonly MonitorSignal[] =
  eventDataSchemas["monitor.alert.fired"].shape.signal.options;

const incidentKinds: readonly IncidentKind[] = eventDataSchemas["incident.opened"].shape.kind.options;

/** The labels an alert names its system by, in the order they are tried. */
export const alertRoutingLabels = {
  /** A system id, used as the events' subject as it is. */
  system: ["maturity_system"],
  /** A service id, mapped to a system through the catalogue's `sources.services`. */
  service: ["maturity_service", "service"],
} as const;

/** Labels that name the signal outright, when their value is one of the model's signals. */
export const alertSignalLabels = ["maturity_signal", "signal"] as const;

/** Signal from the `alertname` otherwise: the first rule with a matching keyword wins. */
export const alertSignalRules: readonly KeywordRule<MonitorSignal>[] = [
  { value: "drift", keywords: ["drift"] },
  { value: "training_serving_skew", keywords: ["skew"] },
  { value: "latency", keywords: ["latency"] },
  { value: "cost", keywords: ["cost", "spend"] },
];

/** The signal of an alert whose name matches no rule. */
export const defaultAlertSignal: MonitorSignal = "infra";

/** Severity (1 the most severe) from the `severity` label, in any case; any other value, or none, is 4. */
export const alertSeverityByLabel: Readonly<Record<string, number>> = {
  critical: 1,
  error: 2,
  high: 2,
  page: 2,
  warning: 3,
  medium: 3,
  info: 4,
  low: 4,
  none: 4,
};
export const defaultAlertSeverity = 4;

/** Label that names the incident kind outright, when its value is one of the model's kinds. */
export const incidentKindLabel = "incident_kind";

/** Incident kind from the signal otherwise (any other signal: outage). */
export const incidentKindBySignal: Readonly<Partial<Record<MonitorSignal, IncidentKind>>> = {
  cost: "cost",
  drift: "quality_regression",
  training_serving_skew: "quality_regression",
  gold_panel: "quality_regression",
  prediction_distribution: "quality_regression",
};
export const defaultAlertIncidentKind: IncidentKind = "outage";

/** The source of every event from Alertmanager: ids are fingerprint@startsAt, the same on every replica. */
export const alertmanagerSource = "alertmanager";

const rfc3339 = z.string().refine((value) => toRfc3339(value) !== undefined, {
  error: "expected an RFC 3339 time with a zone",
});

const alertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: z.record(z.string(), z.string()),
  startsAt: rfc3339,
  // A firing alert's is Go's zero time (0001-01-01T00:00:00Z): read only when resolved.
  endsAt: z.string().nullish(),
  fingerprint: z.string().min(1).max(128),
});

// The webhook (version "4"): only the alerts are mapped; the group's fields are ignored.
const notificationSchema = z.object({ alerts: z.array(alertSchema) });

type Alert = z.infer<typeof alertSchema>;
type Labels = Alert["labels"];

function label(labels: Labels, name: string): string | undefined {
  const value = Object.hasOwn(labels, name) ? labels[name]!.trim() : "";
  return value === "" ? undefined : value;
}

function firstLabel(labels: Labels, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = label(labels, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function alertSeverity(severityLabel: string | undefined): number {
  const value = severityLabel?.toLowerCase();
  return value !== undefined && Object.hasOwn(alertSeverityByLabel, value)
    ? alertSeverityByLabel[value]!
    : defaultAlertSeverity;
}

export function alertSignal(labels: Labels): MonitorSignal {
  for (const name of alertSignalLabels) {
    const value = label(labels, name);
    if (value !== undefined && (monitorSignals as readonly string[]).includes(value))
      return value as MonitorSignal;
  }
  const alertname = label(labels, "alertname");
  return (
    (alertname === undefined ? undefined : firstKeywordMatch(alertname, alertSignalRules)) ??
    defaultAlertSignal
  );
}

export function alertIncidentKind(labels: Labels, signal: MonitorSignal): IncidentKind {
  const value = label(labels, incidentKindLabel);
  if (value !== undefined && (incidentKinds as readonly string[]).includes(value))
    return value as IncidentKind;
  return incidentKindBySignal[signal] ?? defaultAlertIncidentKind;
}

/** Where an alert's events go, or why it cannot be routed. */
export function alertRoute(labels: Labels): { ref: SubjectRef } | { skip: string } {
  const system = firstLabel(labels, alertRoutingLabels.system);
  if (system !== undefined) {
    if (isUnmappedSubject(system) || system.length > keyLengths.subject) {
      return {
        skip: `label maturity_system must be a system id (at most ${keyLengths.subject} characters, not "unmapped:…")`,
      };
    }
    return { ref: { kind: "system", id: system } };
  }
  const service = firstLabel(labels, alertRoutingLabels.service);
  if (service !== undefined) return { ref: { kind: "service", id: service } };
  return {
    skip: "the alert names no system: add a maturity_system label (a system id) or a service label (a service the catalogue lists)",
  };
}

/**
 * Maps one Alertmanager webhook notification (see docs/incidents.md for every rule). Each alert is
 * identified by its fingerprint and start, which Alertmanager repeats on every notification of the
 * same alert, so repeats and replicas' duplicates are stored once.
 */
export function mapAlertmanagerNotification(delivery: AlertmanagerDelivery): AdapterResult {
  const { alerts } = parsePayload(notificationSchema, delivery.payload, "Alertmanager webhook notification");
  if (alerts.length === 0) return { drafts: [], ignored: "the notification carries no alerts" };
  const drafts: EventDraft[] = [];
  const skipped: SkippedItem[] = [];
  let routed = 0;
  for (const [index, alert] of alerts.entries()) {
    const route = alertRoute(alert.labels);
    if ("skip" in route) {
      skipped.push({ index, id: alert.fingerprint, reason: route.skip });
      continue;
    }
    routed++;
    drafts.push(...draftsOf(alert, route.ref, delivery));
  }
  if (routed === 0) {
    return { drafts: [], ignored: "no alert of the notification names its system", skipped };
  }
  return { drafts, ...(skipped.length > 0 && { skipped }) };
}

function draftsOf(alert: Alert, ref: SubjectRef, delivery: AlertmanagerDelivery): EventDraft[] {
  const startsAt = toRfc3339(alert.startsAt)!;
  const key = `${alert.fingerprint}@${startsAt}`;
  const severityLabel = label(alert.labels, "severity");
  const opensIncident =
    severityLabel !== undefined && delivery.incidentSeverities.includes(severityLabel.toLowerCase());
  const incidentId = `alertmanager:${key}`;
  const base = { source: alertmanagerSource, ref };
  const signal = alertSignal(alert.labels);
  const severity = alertSeverity(severityLabel);
  // A resolved alert repeats what its firing said (same ids, so stored once): an alert that fired
  // and resolved within Alertmanager's group_wait is only ever sent resolved, and still counts.
  const drafts: EventDraft[] = [
    { ...base, type: "monitor.alert.fired", id: key, time: startsAt, data: { signal, severity } },
  ];
  if (!opensIncident) return drafts;
  drafts.push({
    ...base,
    type: "incident.opened",
    id: `${key}:opened`,
    time: startsAt,
    data: { incidentId, severity, kind: alertIncidentKind(alert.labels, signal) },
  });
  if (alert.status === "resolved") {
    const endsAt = toRfc3339(alert.endsAt) ?? delivery.now.toISOString();
    drafts.push({
      ...base,
      type: "incident.resolved",
      id: `${key}:resolved`,
      time: endsAt,
      data: { incidentId },
    });
  }
  return drafts;
}
