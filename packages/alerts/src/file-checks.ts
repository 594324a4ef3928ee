// What the alerts file must get right beyond each field's own shape: rules name destinations that
// exist, rule ids are unique (alert ids are derived from them), and every credential resolves to
// something usable. Run after the schema accepted the file.
import type { z } from "zod";
import type { AlertRule, alertsFileSchema, QuietHours } from "./alerts-schema.ts";
import type { FileIssue } from "./file-errors.ts";
import { resolveCredential, webhookSecretProblem, type SecretLookup } from "./secrets.ts";

export interface WebhookDestination {
  name: string;
  type: "webhook";
  url: string;
  /** Resolved: `whsec_…`. */
  secret: string;
}

export interface SlackDestination {
  name: string;
  type: "slack";
  /** Resolved: the incoming webhook URL. */
  url: string;
}

export type Destination = WebhookDestination | SlackDestination;

/** An alerts file, checked and with its credentials resolved. */
export interface AlertsConfig {
  file: string;
  destinations: Record<string, Destination>;
  rules: AlertRule[];
  quietHours: QuietHours | undefined;
}

type AlertsFile = z.output<typeof alertsFileSchema>;

export function checkAlertsFile(
  parsed: AlertsFile,
  file: string,
  lookup: SecretLookup | undefined,
): { issues: FileIssue[]; config: AlertsConfig } {
  const issues: FileIssue[] = [];
  const destinations: Record<string, Destination> = {};
  for (const [name, written] of Object.entries(parsed.destinations)) {
    const at = ["destinations", name];
    const url = resolveCredential(written.url, lookup);
    if (!url.ok) issues.push({ path: [...at, "url"], message: url.message });
    else {
      const problem = urlProblem(url.value, written.type);
      if (problem !== undefined) issues.push({ path: [...at, "url"], message: problem });
    }
    if (written.type === "webhook") {
      const secret = resolveCredential(written.secret, lookup);
      const problem = secret.ok ? webhookSecretProblem(secret.value) : secret.message;
      if (problem !== undefined) issues.push({ path: [...at, "secret"], message: problem });
      destinations[name] = {
        name,
        type: "webhook",
        url: url.ok ? url.value : "",
        secret: secret.ok ? secret.value : "",
      };
    } else destinations[name] = { name, type: "slack", url: url.ok ? url.value : "" };
  }

  const known = Object.keys(parsed.destinations);
  const unknownName = (destination: string) => unknownDestination(destination, known, "the destinations");
  for (const issue of ruleListIssues(parsed.rules, known, "the destinations"))
    issues.push({ ...issue, path: ["rules", ...issue.path] });
  const quietHours = parsed.grouping?.quietHours;
  quietHours?.destinations?.forEach((destination, d) => {
    if (!Object.hasOwn(parsed.destinations, destination))
      issues.push({ path: ["grouping", "quietHours", "destinations", d], message: unknownName(destination) });
  });

  return { issues, config: { file, destinations, rules: parsed.rules, quietHours } };
}

/**
 * What a list of rules gets wrong beyond each rule's shape: a rule id used twice (alert ids derive
 * from it), a destination that is not among `destinations`. Paths are relative to the list; the
 * alerts file and the portal's rules editor both check with it, naming the destinations as `known`.
 */
export function ruleListIssues(
  rules: readonly Pick<AlertRule, "id" | "destinations">[],
  destinations: readonly string[],
  known: string,
): FileIssue[] {
  const issues: FileIssue[] = [];
  const firstOfId = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = firstOfId.get(rule.id);
    if (first !== undefined)
      issues.push({
        path: [index, "id"],
        message: `duplicate rule id ${JSON.stringify(rule.id)} (also rules[${first}])`,
      });
    else firstOfId.set(rule.id, index);
    rule.destinations.forEach((destination, d) => {
      if (!destinations.includes(destination))
        issues.push({
          path: [index, "destinations", d],
          message: unknownDestination(destination, destinations, known),
        });
    });
  });
  return issues;
}

function unknownDestination(destination: string, destinations: readonly string[], known: string): string {
  return `unknown destination ${JSON.stringify(destination)}; ${known} are ${destinations.length === 0 ? "none" : destinations.join(", ")}`;
}

// Slack's incoming webhooks are https only; a generic receiver may sit on a local http address.
function urlProblem(value: string, type: Destination["type"]): string | undefined {
  const expected =
    type === "slack" ? "expected an https URL (a Slack incoming webhook)" : "expected an http(s) URL";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return expected;
  }
  const allowed = type === "slack" ? ["https:"] : ["http:", "https:"];
  return allowed.includes(url.protocol) ? undefined : expected;
}
