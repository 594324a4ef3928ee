// A worker started with a policy (MATURITY_POLICY) puts it in force the way every policy change
// happens: one policy.activated event appended to the log, which the worker then applies.
import { createHash } from "node:crypto";
import type { Database } from "@maturity/db";
import { loadPolicyInForce } from "@maturity/db";
import type { EventLog } from "@maturity/log";
import type { EventOf } from "@maturity/model";
import { formatIssues, jsonLimits, parseEvent, policySubject } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy } from "@maturity/policy";

/** The source of the events the platform emits itself. */
export const platformSource = "urn:maturity:platform";

/** The actor named by an activation of the policy a process was started with. */
export const startupActor = "MATURITY_POLICY";

/**
 * The activation of `policy` after the one in force (`previousEventId`, null for the built-in).
 * Its id follows from both, so processes started together with one file (or two admins confirming
 * one preview) append the same event, which the store keeps once, while activating it again later
 * (after another) is a new event. Throws, saying why, when the policy cannot travel as an event.
 */
export function activationEvent(
  policy: ActivePolicy,
  options: { actor: string; time: string; previousEventId: string | null; source?: string },
): EventOf<"policy.activated"> {
  const id = createHash("sha256")
    .update(`${policy.contentHash}\u0000${options.previousEventId ?? "builtin"}`)
    .digest("hex")
    .slice(0, 32);
  const candidate = {
    specversion: "1.0",
    id: `policy-activation-${id}`,
    source: options.source ?? platformSource,
    type: "policy.activated",
    time: options.time,
    subject: policySubject,
    datacontenttype: "application/json",
    data: {
      name: policy.name,
      version: policy.version,
      rubricVersion: policy.rubricVersion,
      contentHash: policy.contentHash,
      actor: options.actor,
      document: policy.document,
    },
  };
  // The worker checks every record against the catalogue: a policy too large for one event is
  // refused here, at start, rather than dead-lettered.
  const parsed = parseEvent(candidate);
  if (!parsed.ok) throw new Error(`the policy cannot be activated: ${formatIssues(parsed.issues)}`);
  const bytes = Buffer.byteLength(JSON.stringify(parsed.event));
  if (bytes > jsonLimits.eventBytes)
    throw new Error(
      `the policy cannot be activated: its event would be ${bytes} bytes as JSON, over the ${jsonLimits.eventBytes}-byte limit of one event`,
    );
  return parsed.event as EventOf<"policy.activated">;
}

/**
 * Appends the activation of `policy` unless its content is the policy in force already; returns
 * the event appended, if any.
 */
export async function activateAtStart(
  db: Database,
  log: EventLog,
  policy: ActivePolicy,
  now: number,
): Promise<EventOf<"policy.activated"> | undefined> {
  const stored = await loadPolicyInForce(db);
  if (policy.contentHash === (stored?.contentHash ?? builtinPolicy().contentHash)) return undefined;
  const event = activationEvent(policy, {
    actor: startupActor,
    time: new Date(now).toISOString(),
    previousEventId: stored?.eventId ?? null,
  });
  await log.append([{ key: event.subject, value: JSON.stringify(event) }]);
  return event;
}
