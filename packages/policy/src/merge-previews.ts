// Previews of disjoint sets of systems (a store read a page at a time) as one preview.
import type { ActivePolicy } from "./active-policy.ts";
import type { PolicyPreview } from "./preview.ts";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The previews of disjoint sets of systems as one: the same order and counts as a single run. */
export function mergePreviews(
  parts: readonly PolicyPreview[],
  asOf: number,
  from: ActivePolicy,
  to: ActivePolicy,
): PolicyPreview {
  const teams = new Map<string, PolicyPreview["teams"][number]>();
  const criteria = new Map<string, number>();
  const changes: PolicyPreview["changes"] = [];
  for (const part of parts) {
    changes.push(...part.changes);
    for (const team of part.teams) {
      const key = `${team.team}\u0000${team.track}`;
      const sum = teams.get(key) ?? { team: team.team, track: team.track, up: 0, down: 0 };
      sum.up += team.up;
      sum.down += team.down;
      teams.set(key, sum);
    }
    for (const { criterionId, systems } of part.criteria)
      criteria.set(criterionId, (criteria.get(criterionId) ?? 0) + systems);
  }
  // Each part is sorted already (system, then axis in report order): a stable sort by system
  // keeps each system's axes in that order (the database's collation may order ids otherwise).
  const ordered = changes.sort((a, b) => compare(a.systemId, b.systemId));
  return {
    asOf: new Date(asOf).toISOString(),
    from: from.rubricVersion,
    to: to.rubricVersion,
    changes: ordered,
    teams: [...teams.values()].sort((a, b) => compare(a.team, b.team) || compare(a.track, b.track)),
    criteria: [...criteria]
      .map(([criterionId, systems]) => ({ criterionId, systems }))
      .sort((a, b) => b.systems - a.systems || compare(a.criterionId, b.criterionId)),
  };
}
