// Lookups that every metric window of one system's scoring shares: the criteria's windows and the
// metrics' own all end at asOf, so each lookup is built once, on first use, not once per window.
import { rowsBetween, timeUpperBound } from "../facts/columns.ts";
import type { SystemFacts } from "../facts/types.ts";
import { keepShape } from "../keep-shape.ts";

/** A rollback or incident naming a deploy. */
export type Naming = { t: number; id: string };

export class MetricJoins {
  private namings: Map<string, Naming[]> | undefined;
  private resolutions: Map<string, number[]> | undefined;
  private deliveries: Map<string, number> | undefined;

  constructor(
    readonly facts: SystemFacts,
    readonly to: number,
  ) {}

  /** deploymentId → the rollbacks, then the incidents, naming it up to `to` (each in time order). */
  namingsByDeployment(): Map<string, Naming[]> {
    if (this.namings !== undefined) return this.namings;
    const namedAt = new Map<string, Naming[]>();
    const { rollbacks, incidentsOpened: incidents } = this.facts;
    for (const list of [rollbacks, incidents]) {
      const [, end] = rowsBetween(list, -Infinity, this.to);
      for (let i = 0; i < end; i++) {
        const deploymentId = list.deploymentId[i];
        if (deploymentId === null || deploymentId === undefined) continue;
        const naming = { t: list.t[i] as number, id: list.id[i] as string };
        const named = namedAt.get(deploymentId);
        if (named === undefined) namedAt.set(deploymentId, [naming]);
        else named.push(naming);
      }
    }
    this.namings = namedAt;
    return namedAt;
  }

  /**
   * incidentId → rows of its resolutions up to `to`, in time order: an incident that was reopened
   * is resolved more than once, and each opening recovers at the first resolution after it.
   */
  resolutionsByIncident(): Map<string, number[]> {
    if (this.resolutions !== undefined) return this.resolutions;
    const byIncident = new Map<string, number[]>();
    const { incidentId, t } = this.facts.incidentsResolved;
    const end = timeUpperBound(t, this.to);
    for (let i = 0; i < end; i++) {
      const key = incidentId[i] as string;
      const rows = byIncident.get(key);
      if (rows === undefined) byIncident.set(key, [i]);
      else rows.push(i);
    }
    this.resolutions = byIncident;
    return byIncident;
  }

  /** auditId → row of its first delivery up to `to`. */
  firstDeliveries(): Map<string, number> {
    this.deliveries ??= firstRowByKey(
      this.facts.auditsDelivered.auditId,
      this.facts.auditsDelivered.t,
      this.to,
    );
    return this.deliveries;
  }
}

// `to` as a time is not a small integer: NaN keeps the field's number kind (see keepShape).
keepShape(new MetricJoins({} as SystemFacts, Number.NaN));

function firstRowByKey(keys: readonly string[], t: readonly number[], to: number): Map<string, number> {
  const first = new Map<string, number>();
  const end = timeUpperBound(t, to);
  for (let i = 0; i < end; i++) {
    const key = keys[i] as string;
    if (!first.has(key)) first.set(key, i);
  }
  return first;
}

/** The shared joins when they were built for these facts and this end, else fresh ones. */
export function joinsFor(facts: SystemFacts, to: number, joins: MetricJoins | undefined): MetricJoins {
  return joins !== undefined && joins.facts === facts && joins.to === to ? joins : new MetricJoins(facts, to);
}
