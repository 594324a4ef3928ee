// What the registry, change reviews and risk assessments say about the deploys a view looks at.
// Only the deploys' own versions and deployment ids are looked up, so one small map of those
// keys is marked while the three lists are read, instead of a set of every key each list holds.
import { rowsBetween } from "../facts/columns.ts";
import type { SystemFacts } from "../facts/types.ts";

/** Flags of a key: a registered version, named by an approved review, named by an assessment. */
export const registered = 1;
export const approved = 2;
export const assessed = 4;

/**
 * Sets the flags of each key of `flags` (versions and deployment ids, each at 0) from the records
 * up to `asOf`; a key no record names stays at 0.
 */
export function markDeployRefs(facts: SystemFacts, asOf: number, flags: Map<string, number>): void {
  const { modelVersions, changeReviews, riskAssessments } = facts;
  const [, versionsEnd] = rowsBetween(modelVersions, -Infinity, asOf);
  for (let i = 0; i < versionsEnd; i++) mark(flags, modelVersions.version[i], registered);
  const [, reviewsEnd] = rowsBetween(changeReviews, -Infinity, asOf);
  for (let i = 0; i < reviewsEnd; i++)
    if (changeReviews.approved[i] === true) mark(flags, changeReviews.changeRef[i], approved);
  const [, assessedEnd] = rowsBetween(riskAssessments, -Infinity, asOf);
  for (let i = 0; i < assessedEnd; i++) mark(flags, riskAssessments.changeRef[i], assessed);
}

function mark(flags: Map<string, number>, key: string | null | undefined, flag: number): void {
  if (key === null || key === undefined) return;
  const f = flags.get(key);
  if (f !== undefined && (f & flag) === 0) flags.set(key, f | flag);
}
