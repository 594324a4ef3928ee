// The alerts files and messages the docs show are the real thing: docs/alerts.md's example is
// examples/alerts.yaml, the root README's short file is accepted, and the CloudEvent docs/alerts.md
// shows is what alertCloudEvent renders for its alert.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Alert } from "./alert.ts";
import { parseAlertsText } from "./alerts-file.ts";
import { formatAlertsFileErrors } from "./file-errors.ts";
import { alertCloudEvent, type AlertCloudEvent } from "./render/cloudevent.ts";
import { webhookSecretProblem } from "./secrets.ts";

const read = (path: string) => readFile(fileURLToPath(new URL(path, import.meta.url)), "utf8");

/** The fenced blocks of one language in a markdown text, in order. */
function blocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("^```" + language + "\\n(.*?)^```", "gms"))].map(
    (match) => match[1] as string,
  );
}

/** The part of a markdown text under one `##` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

// What `echo "whsec_$(openssl rand -base64 32)"` makes.
const secret = `whsec_${randomBytes(32).toString("base64")}`;

describe("docs/alerts.md", () => {
  it("shows examples/alerts.yaml as it is", async () => {
    const example = await read("../examples/alerts.yaml");
    const [shown] = blocks(await read("../../../docs/alerts.md"), "yaml");
    expect(shown).toBe(example.slice(example.indexOf("destinations:")));
  });

  it("shows a CloudEvent as alertCloudEvent renders it", async () => {
    const [shown] = blocks(await read("../../../docs/alerts.md"), "json");
    const event = JSON.parse(shown as string) as AlertCloudEvent;
    const alert = {
      id: event.id,
      ruleId: event.data.ruleId,
      kind: event.data.kind,
      destinations: ["governance-hook"],
      subject: event.data.subject,
      change: event.data.change,
      evidence: event.data.evidence,
      summary: event.data.summary,
      decidedAt: event.time,
    } as Alert;
    expect(alertCloudEvent(alert, { publicUrl: "https://maturity.acme.example" })).toEqual(event);
  });
});

describe("the README's alerts file", () => {
  it("is accepted, with its credentials from the environment", async () => {
    const alertsSection = section(await read("../../../README.md"), "Alerts and agents");
    const [text] = blocks(alertsSection, "yaml");
    expect(webhookSecretProblem(secret)).toBeUndefined();
    const env: Record<string, string> = {
      ALERTS_SLACK_URL: "https://hooks.slack.com/services/T000/B000/XXXX",
      ALERTS_WEBHOOK_SECRET: secret,
    };
    const result = parseAlertsText(text as string, "README.md", { secrets: (name) => env[name] });
    if (!result.ok) throw new Error(formatAlertsFileErrors(result.errors));
    expect(Object.values(result.value.destinations).map((d) => [d.name, d.type])).toEqual([
      ["team-slack", "slack"],
      ["automation", "webhook"],
    ]);
    expect(result.value.rules.map((rule) => rule.kind)).toEqual([
      "level_dropped",
      "risk_entered_top",
      "waiver_expiring",
    ]);
  });
});
