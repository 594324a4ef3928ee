// Waivers (gov.waiver.granted, gov.waiver.revoked) in force as of a time, under the rubric's
// waiver rules: a waived criterion counts as met (see evaluate.ts) and the report lists them.
import type { Waiver } from "@maturity/model";
import { defaultWaiverRules, type Rubric } from "@maturity/model/rubric";
import type { SystemFacts } from "../facts/types.ts";
import { criterionById } from "../rubric-index.ts";
import { dayMs } from "../time.ts";

/** Waivers in force, by criterion id. */
export type WaiversInForce = ReadonlyMap<string, Waiver>;

/**
 * Per criterion, the waiver in force at `asOf`, if any: the criterion's latest waiver event at or
 * before asOf (by time, then id) is a grant, the rubric does not forbid waiving it, and asOf is
 * before its expiry, cut to the rubric's `maxDays` after the grant. Undefined when none is.
 */
export function waiversInForce(
  waivers: SystemFacts["waivers"],
  rubric: Rubric,
  asOf: number,
): WaiversInForce | undefined {
  // Most systems have no waiver events: nothing is allocated for them.
  if (waivers.length === 0 || (waivers[0] as (typeof waivers)[number]).t > asOf) return undefined;
  const latest = new Map<string, (typeof waivers)[number]>();
  for (const record of waivers) {
    if (record.t > asOf) break;
    latest.set(record.criterionId, record); // (t, id) order: the later record replaces the earlier
  }
  const rules = rubric.waivers ?? defaultWaiverRules;
  let inForce: Map<string, Waiver> | undefined;
  for (const [criterionId, record] of latest) {
    if (!record.granted || rules.forbidden.includes(criterionId)) continue;
    const expiry = Math.min(record.expiresAt, record.t + rules.maxDays * dayMs);
    if (!(asOf < expiry)) continue;
    (inForce ??= new Map()).set(criterionId, {
      criterionId,
      reason: record.reason,
      approver: record.approver,
      grantedAt: new Date(record.t).toISOString(),
      expiresAt: new Date(expiry).toISOString(),
      eventId: record.id,
    });
  }
  return inForce;
}

/**
 * The waivers a system report lists: those in force that name a criterion of the rubric, by
 * criterion id. Undefined when there are none, so the report leaves the field out.
 */
export function listedWaivers(inForce: WaiversInForce | undefined, rubric: Rubric): Waiver[] | undefined {
  if (inForce === undefined) return undefined;
  const listed = [...inForce.values()].filter((w) => criterionById(rubric, w.criterionId) !== undefined);
  if (listed.length === 0) return undefined;
  return listed.sort((a, b) => (a.criterionId < b.criterionId ? -1 : 1)); // ids are unique keys
}
