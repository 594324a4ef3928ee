import { between, upTo } from "../facts/sorted.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { hourMs } from "../time.ts";
import { median } from "./stats.ts";

/**
 * Median hours from incident opened (in (from, to]) to its first resolution at or before `to`.
 * Incidents still open at `to` are left out: their recovery time is not known yet.
 */
export function timeToRecoveryHours(facts: SystemFacts, from: number, to: number): MetricValue<number | null> {
  const resolvedAt = new Map<string, { t: number; id: string }>();
  for (const r of upTo(facts.incidentsResolved, to)) {
    if (!resolvedAt.has(r.incidentId)) resolvedAt.set(r.incidentId, { t: r.t, id: r.id });
  }
  const hours: number[] = [];
  const evidence: string[] = [];
  for (const opened of between(facts.incidentsOpened, from, to)) {
    const resolved = resolvedAt.get(opened.incidentId);
    if (resolved === undefined || resolved.t < opened.t) continue;
    hours.push((resolved.t - opened.t) / hourMs);
    evidence.push(opened.id, resolved.id);
  }
  return { value: median(hours), evidence };
}
