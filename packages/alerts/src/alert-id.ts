// Alert and message ids are hashes of what they stand for, never counters or clocks: a batch the
// worker sees twice decides the same ids, and receivers drop the second delivery (webhook-id).
import { createHash } from "node:crypto";
import type { AlertSubject } from "./alert.ts";

/** `system:<id>`, `team:<name>` or `org`. */
export function subjectKey(subject: AlertSubject): string {
  switch (subject.type) {
    case "system":
      return `system:${subject.systemId}`;
    case "team":
      return `team:${subject.team}`;
    case "org":
      return "org";
  }
}

/**
 * `alert_<hex>` from the rule, the subject, what changed, and the identity of the state it
 * changed into (the after snapshot's stateId, or the thing itself when it can change only once).
 */
export function alertId(
  ruleId: string,
  subject: AlertSubject,
  change: string,
  stateIdentity: string,
): string {
  return `alert_${digest([ruleId, subjectKey(subject), change, stateIdentity])}`;
}

/** `msg_<hex>` from the destination and the set of alerts it carries (order does not matter). */
export function messageId(destination: string, alertIds: readonly string[]): string {
  return `msg_${digest([destination, ...[...new Set(alertIds)].sort()])}`;
}

// JSON keeps the parts apart ("a","bc" ≠ "ab","c"); 128 bits are plenty for ids.
function digest(parts: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}
