// What every rule reads while deciding: both snapshots, the systems by id, the decision's time,
// and one way to make an alert (so ids and shared fields are made the same way everywhere).
import type { Alert, AlertChanges, AlertOf, AlertSubject } from "../alert.ts";
import { alertId } from "../alert-id.ts";
import type { AlertKind, AlertRule } from "../alerts-schema.ts";
import type { AlertSnapshot, SystemSnapshot } from "../snapshot.ts";

export interface DecisionContext {
  before: AlertSnapshot;
  after: AlertSnapshot;
  now: Date;
  beforeSystems: ReadonlyMap<string, SystemSnapshot>;
  /** In systemId order, so alerts come out in the same order whatever order the snapshot lists them. */
  afterSystems: ReadonlyMap<string, SystemSnapshot>;
}

export function decisionContext(before: AlertSnapshot, after: AlertSnapshot, now: Date): DecisionContext {
  const byId = (systems: readonly SystemSnapshot[]) =>
    new Map([...systems].sort((a, b) => compare(a.systemId, b.systemId)).map((s) => [s.systemId, s]));
  return { before, after, now, beforeSystems: byId(before.systems), afterSystems: byId(after.systems) };
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An absent filter lets everything through. */
export function allows<T>(filter: readonly T[] | undefined, value: T): boolean {
  return filter === undefined || filter.includes(value);
}

export function systemAllowed(
  rule: { kinds?: readonly string[]; riskTiers?: readonly string[]; teams?: readonly string[] },
  system: Pick<SystemSnapshot, "kind" | "riskTier" | "team">,
): boolean {
  return (
    allows(rule.kinds, system.kind) &&
    allows(rule.riskTiers, system.riskTier) &&
    allows(rule.teams, system.team)
  );
}

export function systemSubject(system: SystemSnapshot): AlertSubject {
  const { systemId, name, team, kind, riskTier } = system;
  return { type: "system", systemId, name, team, kind, riskTier };
}

/** `"Fraud scorer" (team payments)`: how summaries name a system. */
export function systemLabel(system: Pick<SystemSnapshot, "name" | "team">): string {
  return `${system.name} (team ${system.team})`;
}

export interface AlertParts<K extends AlertKind> {
  subject: AlertSubject;
  change: AlertChanges[K];
  /** What changed, as a stable key: part of the id. */
  changeKey: string;
  /** The state it changed into; the after snapshot's stateId unless the change can happen only once. */
  identity?: string;
  evidence: readonly string[];
  summary: string;
}

export function makeAlert<K extends AlertKind>(
  rule: Extract<AlertRule, { kind: K }>,
  context: DecisionContext,
  parts: AlertParts<K>,
): AlertOf<K> {
  const alert = {
    id: alertId(rule.id, parts.subject, parts.changeKey, parts.identity ?? context.after.stateId),
    ruleId: rule.id,
    kind: rule.kind,
    destinations: [...rule.destinations],
    subject: parts.subject,
    change: parts.change,
    evidence: [...new Set(parts.evidence)].slice(0, evidenceCap),
    summary: parts.summary,
    decidedAt: context.now.toISOString(),
  };
  return alert as Alert as AlertOf<K>;
}

/** As in the score report: enough to follow up, small enough for a chat message. */
export const evidenceCap = 20;

export const dayMs = 24 * 60 * 60 * 1000;
