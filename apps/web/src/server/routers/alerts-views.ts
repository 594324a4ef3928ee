// What the alerts admin page shows and takes, shaped without the database: destinations by name
// and type only (their URLs and secrets are credentials, never shown), the rules as YAML to edit,
// an admin's edited rules read and checked field by field, and the delivery log's rows. Pure.
import type { AlertRule, AlertsConfig } from "@maturity/alerts";
import { alertRuleSchema, ruleListIssues } from "@maturity/alerts";
import type { AlertMessageRow } from "@maturity/db";
import { maxAlertRules } from "@maturity/model";
import { formatPath, parseSource, readableIssues } from "@maturity/policy";
import { z } from "zod";

/** A destination as the page lists it: what it is called and what kind, nothing to send to. */
export function destinationsView(alerts: AlertsConfig) {
  const heldAtNight = alerts.quietHours?.destinations;
  return Object.values(alerts.destinations)
    .map((destination) => ({
      name: destination.name,
      type: destination.type,
      quietHours: alerts.quietHours !== undefined && (heldAtNight?.includes(destination.name) ?? true),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function quietHoursView(alerts: AlertsConfig) {
  const quiet = alerts.quietHours;
  if (quiet === undefined) return null;
  return {
    from: quiet.from,
    to: quiet.to,
    timeZone: quiet.timeZone,
    destinations: quiet.destinations ?? null,
  };
}

// The fields every rule has, and the one that names where it goes: the rest are its settings.
const ruleHead = new Set(["id", "kind", "destinations"]);

/** A rule as a row: id, kind, destinations, and its other settings in a line of text. */
export function ruleView(rule: AlertRule) {
  const settings = Object.entries(rule)
    .filter(([field, value]) => !ruleHead.has(field) && value !== undefined)
    .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  return { id: rule.id, kind: rule.kind, destinations: rule.destinations, settings: settings.join("; ") };
}

// A YAML scalar written plain only when it cannot be read back as anything but that text.
const plainText = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const readsAsOther = /^(true|false|null|yes|no|on|off|y|n)$/i;

function yamlScalar(value: unknown): string {
  if (typeof value === "string")
    return plainText.test(value) && !readsAsOther.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // JSON is YAML: anything else (no rule field is) still reads back as itself.
  return JSON.stringify(value);
}

function yamlValue(value: unknown): string {
  return Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)
    ? `[${value.map(yamlScalar).join(", ")}]`
    : yamlScalar(value);
}

/**
 * The rules as the editor starts with them: a YAML list, each rule's id and kind first and its
 * destinations last, as in the alerts file. Read back (readRulesText) it gives the same rules.
 */
export function rulesYaml(rules: readonly AlertRule[]): string {
  if (rules.length === 0) return "[]\n";
  return rules
    .map((rule) => {
      const fields = Object.entries(rule).filter(([, value]) => value !== undefined);
      const ordered = [
        ...fields.filter(([field]) => field === "id" || field === "kind"),
        ...fields.filter(([field]) => !ruleHead.has(field)),
        ...fields.filter(([field]) => field === "destinations"),
      ];
      return ordered
        .map(([field, value], index) => `${index === 0 ? "- " : "  "}${field}: ${yamlValue(value)}`)
        .join("\n");
    })
    .join("\n")
    .concat("\n");
}

/** A problem in the edited rules: the field (`rules[2].top`), what is wrong, and where in the text. */
export interface RulesError {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}

export type RulesRead = { ok: true; rules: AlertRule[] } | { ok: false; errors: RulesError[] };

type Located = { path: readonly PropertyKey[]; message: string; atKey?: boolean };

const rulesListSchema = z.array(alertRuleSchema).max(maxAlertRules);
const rulesName = "rules";

/**
 * Reads the rules an admin wrote (a YAML or JSON list, or a map holding only `rules`) and checks
 * them as the alerts file's are checked: each rule's fields, unique ids, and destinations that
 * exist in the alerts file (`destinations`). Every problem is listed; none is half-accepted.
 */
export function readRulesText(text: string, destinations: readonly string[]): RulesRead {
  const source = parseSource(text, "rules.yaml");
  if (!source.ok)
    return {
      ok: false,
      errors: source.errors.map((error) => ({
        path:
          error.path === ""
            ? rulesName
            : error.path.startsWith("[")
              ? `${rulesName}${error.path}`
              : `${rulesName}.${error.path}`,
        message: error.message,
        line: error.line ?? null,
        column: error.column ?? null,
      })),
    };
  // Where the list sits in the document: the document itself, or its `rules` field.
  let items: unknown;
  let at: PropertyKey[];
  const problems: Located[] = [];
  const value = source.value;
  if (Array.isArray(value)) {
    items = value;
    at = [];
  } else if (typeof value === "object" && value !== null && Object.hasOwn(value, rulesName)) {
    items = (value as Record<string, unknown>)[rulesName];
    at = [rulesName];
    for (const key of Object.keys(value).filter((key) => key !== rulesName))
      problems.push({
        path: [key],
        atKey: true,
        message: "only the rules are changed here: destinations and quiet hours stay in the alerts file",
      });
  } else
    return {
      ok: false,
      errors: [
        {
          path: rulesName,
          message: "expected a list of rules, e.g. - id: high-risk-level-drop (kind, destinations, …)",
          line: 1,
          column: 1,
        },
      ],
    };

  const located = (path: readonly PropertyKey[], message: string, atKey = false): Located => ({
    path: [...at, ...path],
    message,
    atKey,
  });
  const parsed = rulesListSchema.safeParse(items, { reportInput: true });
  if (!parsed.success)
    // Worded as the alerts file's are (policy's readableIssues is the one owner of that wording).
    problems.push(
      ...readableIssues(parsed.error.issues, rulesListSchema, items).map((issue) =>
        located(issue.path, issue.message, issue.atKey ?? false),
      ),
    );
  else {
    for (const issue of ruleListIssues(parsed.data, destinations, "the alerts file's destinations"))
      problems.push(located(issue.path, issue.message));
  }
  if (problems.length === 0 && parsed.success) return { ok: true, rules: parsed.data };
  const errors = problems.map((problem) => {
    const position = source.locate(problem);
    // Shown as the rules' own path whatever the document's shape: rules[2].top.
    const path = at.length === 0 ? [rulesName, ...problem.path] : problem.path;
    return { path: formatPath(path), message: problem.message, line: position.line, column: position.column };
  });
  return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** What a stored message says of its alerts; a row the page cannot read still lists (with none). */
function alertsOf(message: unknown) {
  const alerts =
    typeof message === "object" && message !== null ? (message as { alerts?: unknown }).alerts : undefined;
  if (!Array.isArray(alerts)) return [];
  return alerts.flatMap((alert: unknown) => {
    if (typeof alert !== "object" || alert === null) return [];
    const { id, ruleId, kind, summary } = alert as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return [{ id: text(id), ruleId: text(ruleId), kind: text(kind), summary: text(summary) }];
  });
}

/**
 * The credentials in the alerts file, to keep out of what the page shows: a receiver's error
 * could quote the URL it was posted to, and a Slack URL is itself a credential.
 */
export function credentialsOf(alerts: AlertsConfig | undefined): string[] {
  if (alerts === undefined) return [];
  return Object.values(alerts.destinations)
    .flatMap((destination) =>
      destination.type === "webhook" ? [destination.url, destination.secret] : [destination.url],
    )
    .filter((value) => value.length >= 8);
}

function redacted(text: string | null, credentials: readonly string[]): string | null {
  if (text === null) return null;
  return credentials.reduce((out, credential) => out.split(credential).join("[credential]"), text);
}

/** A row of the delivery log: the message's state, and per alert its rule, kind and summary. */
export function deliveryView(row: AlertMessageRow, alerts: AlertsConfig | undefined) {
  const credentials = credentialsOf(alerts);
  const sendAt =
    typeof row.message === "object" && row.message !== null
      ? (row.message as { sendAt?: unknown }).sendAt
      : undefined;
  return {
    messageId: row.messageId,
    destination: row.destination,
    /** Null when the alerts file no longer names it (or alerting is off). */
    destinationType:
      alerts !== undefined && Object.hasOwn(alerts.destinations, row.destination)
        ? (alerts.destinations[row.destination]?.type ?? null)
        : null,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt : null,
    lastStatus: row.lastStatus,
    lastError: redacted(row.lastError, credentials),
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    sendAt: typeof sendAt === "string" ? sendAt : null,
    alerts: alertsOf(row.message),
  };
}
