import { between, upTo } from "../facts/sorted.ts";
import type { SystemFacts } from "../facts/types.ts";
import type { MetricValue } from "./deployments-per-week.ts";
import { hourMs } from "../time.ts";
import { median } from "./stats.ts";

/** Median hours from an audit requested in (from, to] to its delivery at or before `to`. */
export function auditResponseHours(facts: SystemFacts, from: number, to: number): MetricValue<number | null> {
  const deliveredAt = new Map<string, { t: number; id: string }>();
  for (const d of upTo(facts.auditsDelivered, to)) {
    if (!deliveredAt.has(d.auditId)) deliveredAt.set(d.auditId, { t: d.t, id: d.id });
  }
  const hours: number[] = [];
  const evidence: string[] = [];
  for (const requested of between(facts.auditsRequested, from, to)) {
    const delivered = deliveredAt.get(requested.auditId);
    if (delivered === undefined || delivered.t < requested.t) continue;
    hours.push((delivered.t - requested.t) / hourMs);
    evidence.push(requested.id, delivered.id);
  }
  return { value: median(hours), evidence };
}
