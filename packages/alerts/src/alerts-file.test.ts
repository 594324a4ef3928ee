import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAlertsText, readAlertsFile } from "./alerts-file.ts";
import { formatAlertsFileErrors } from "./file-errors.ts";

// 32 random bytes, base64: a valid Standard Webhooks secret.
const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4+p9E2L9WLY=";

const valid = `destinations:
  ops:
    type: webhook
    url: https://hooks.acme.example/maturity
    secret: ${secret}
  chat:
    type: slack
    url: https://hooks.slack.com/services/T000/B000/XXXX
rules:
  - id: drops
    kind: level_dropped
    riskTiers: [high]
    destinations: [ops, chat]
  - id: stale
    kind: evidence_stale
    destinations: [ops]
`;

const lookup = (values: Record<string, string>) => (name: string) => values[name];

describe("parseAlertsText", () => {
  it("reads a valid file, with the defaults filled in", () => {
    const result = parseAlertsText(valid, "alerts.yaml");
    expect(result).toEqual({
      ok: true,
      value: {
        file: "alerts.yaml",
        destinations: {
          ops: { name: "ops", type: "webhook", url: "https://hooks.acme.example/maturity", secret },
          chat: { name: "chat", type: "slack", url: "https://hooks.slack.com/services/T000/B000/XXXX" },
        },
        rules: [
          {
            id: "drops",
            kind: "level_dropped",
            minDrop: 1,
            riskTiers: ["high"],
            destinations: ["ops", "chat"],
          },
          { id: "stale", kind: "evidence_stale", riskTiers: ["high"], destinations: ["ops"] },
        ],
        quietHours: undefined,
      },
    });
  });

  it("resolves ${NAME} credentials through the lookup it is given", () => {
    const text = valid
      .replace(secret, "${OPS_SECRET}")
      .replace("https://hooks.slack.com/services/T000/B000/XXXX", "${CHAT_URL}");
    const result = parseAlertsText(text, "alerts.yaml", {
      secrets: lookup({ OPS_SECRET: secret, CHAT_URL: "https://hooks.slack.com/services/T1/B1/Z" }),
    });
    expect(result.ok && result.value.destinations).toEqual({
      ops: { name: "ops", type: "webhook", url: "https://hooks.acme.example/maturity", secret },
      chat: { name: "chat", type: "slack", url: "https://hooks.slack.com/services/T1/B1/Z" },
    });
  });

  interface ErrorCase {
    name: string;
    text: string;
    secrets?: Record<string, string>;
    errors: string[];
  }

  const cases: ErrorCase[] = [
    {
      name: "YAML syntax",
      text: "destinations: {\nrules: []\n",
      errors: [
        "a.yaml:2:1: rules: YAML syntax: flow map in block collection must be sufficiently indented and end with a }",
      ],
    },
    {
      name: "a duplicate key",
      text: `${valid}  - id: again\n    kind: evidence_stale\n    kind: level_dropped\n    destinations: [ops]\n`,
      errors: ["a.yaml:19:5: rules[2].kind: duplicate key: this field is given twice"],
    },
    {
      name: "an unknown rule kind",
      text: valid.replace("kind: evidence_stale", "kind: evidence_gone"),
      errors: [
        'a.yaml:15:11: rules[1].kind: expected one of level_dropped, risk_entered_top, gap_widened, waiver_expiring, evidence_stale, campaign_off_track (got "evidence_gone")',
      ],
    },
    {
      name: "an unknown field, a missing one and a bad value",
      text: valid
        .replace("    riskTiers: [high]\n", "    riskTier: [high]\n    minDrop: 0\n")
        .replace("    kind: evidence_stale\n", "    kind: gap_widened\n    scope: org\n"),
      errors: [
        "a.yaml:12:5: rules[0].riskTier: unknown field; the fields here are id, destinations, kind, minDrop, axes, kinds, riskTiers, teams",
        "a.yaml:13:14: rules[0].minDrop: must be at least 1 (got 0)",
        "a.yaml:15:5: rules[1].by: missing: expected a number",
        "a.yaml:15:5: rules[1].periodDays: missing: expected a whole number",
      ],
    },
    {
      name: "a rule without a kind, and a count that is no whole number",
      text: valid
        .replace("    kind: evidence_stale\n", "")
        .replace("kind: level_dropped", "kind: risk_entered_top\n    scope: org\n    top: 2.5"),
      errors: [
        "a.yaml:13:10: rules[0].top: expected a whole number (got 2.5)",
        "a.yaml:16:5: rules[1].kind: missing: expected one of level_dropped, risk_entered_top, gap_widened, waiver_expiring, evidence_stale, campaign_off_track",
      ],
    },
    {
      name: "an unknown destination",
      text: valid.replace("destinations: [ops, chat]", "destinations: [ops, pager]"),
      errors: [
        'a.yaml:13:25: rules[0].destinations[1]: unknown destination "pager"; the destinations are ops, chat',
      ],
    },
    {
      name: "a duplicate rule id",
      text: valid.replace("id: stale", "id: drops"),
      errors: ['a.yaml:14:9: rules[1].id: duplicate rule id "drops" (also rules[0])'],
    },
    {
      name: "a secret without whsec_, not repeated in the message",
      text: valid.replace(secret, "hunter2-hunter2-hunter2-hunter2"),
      errors: [
        "a.yaml:5:13: destinations.ops.secret: expected a Standard Webhooks secret: whsec_ followed by the base64 of 24 to 64 bytes",
      ],
    },
    {
      name: "a secret too short",
      text: valid.replace(secret, "whsec_c2hvcnQ="),
      errors: [
        "a.yaml:5:13: destinations.ops.secret: expected a Standard Webhooks secret: whsec_ followed by the base64 of 24 to 64 bytes (it holds 5)",
      ],
    },
    {
      name: "a secret naming a variable that is not set",
      text: valid.replace(secret, "${OPS_SECRET}"),
      errors: ["a.yaml:5:13: destinations.ops.secret: names the variable OPS_SECRET, which is not set"],
    },
    {
      name: "a variable holding no secret",
      text: valid.replace(secret, "${OPS_SECRET}"),
      secrets: { OPS_SECRET: "not-a-secret" },
      errors: [
        "a.yaml:5:13: destinations.ops.secret: expected a Standard Webhooks secret: whsec_ followed by the base64 of 24 to 64 bytes",
      ],
    },
    {
      name: "a Slack URL that is not https",
      text: valid.replace("https://hooks.slack.com", "http://hooks.slack.com"),
      errors: ["a.yaml:8:10: destinations.chat.url: expected an https URL (a Slack incoming webhook)"],
    },
    {
      name: "a destination of unknown type",
      text: valid.replace("type: slack", "type: teams"),
      errors: ['a.yaml:7:11: destinations.chat.type: expected one of webhook, slack (got "teams")'],
    },
    {
      name: "a destination name with spaces",
      text: valid.replace("  chat:", "  the chat:").replace("[ops, chat]", "[ops]"),
      errors: [
        'a.yaml:6:3: destinations["the chat"]: expected letters, digits and . _ - (starting with a letter or digit)',
      ],
    },
    {
      name: "quiet hours with a bad time, time zone and destination",
      text: `${valid}grouping:\n  quietHours:\n    from: "22:00"\n    to: "7am"\n    timeZone: Mars/Olympus\n    destinations: [pager]\n`,
      errors: [
        'a.yaml:20:9: grouping.quietHours.to: expected a time of day HH:MM, e.g. 22:00 (got "7am")',
        "a.yaml:21:15: grouping.quietHours.timeZone: expected an IANA time zone, e.g. Europe/Berlin or UTC",
      ],
    },
    {
      name: "quiet hours naming an unknown destination",
      text: `${valid}grouping:\n  quietHours: { from: "22:00", to: "07:00", timeZone: UTC, destinations: [pager] }\n`,
      errors: [
        'a.yaml:18:75: grouping.quietHours.destinations[0]: unknown destination "pager"; the destinations are ops, chat',
      ],
    },
    {
      name: "an empty file",
      text: "",
      errors: [
        "a.yaml:1:1: destinations: missing: expected a map",
        "a.yaml:1:1: rules: missing: expected a list",
      ],
    },
  ];

  it.each(cases)("refuses $name, naming line, column and path", ({ text, secrets, errors }) => {
    const result = parseAlertsText(text, "a.yaml", secrets === undefined ? {} : { secrets: lookup(secrets) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatAlertsFileErrors(result.errors).split("\n")).toEqual(errors);
  });

  it("never repeats a credential in its errors", () => {
    const result = parseAlertsText(valid.replace(secret, "whsec_!!not base64 but secret!!"), "a.yaml");
    expect(JSON.stringify(result)).not.toContain("not base64 but secret");
  });

  // Every way a credential could be written wrong: what was written is never in the errors.
  const credential = "https://hooks.slack.com/services/T0/B0/not-for-logs";
  const misplaced: { name: string; text: string; errors: string[] }[] = [
    {
      name: "a secret that is no text",
      text: valid.replace(secret, "[whsec_not-for-logs]"),
      errors: ["a.yaml:5:13: destinations.ops.secret: expected text"],
    },
    {
      name: "a URL too long",
      text: valid.replace(
        "https://hooks.slack.com/services/T000/B000/XXXX",
        `${credential}${"x".repeat(2048)}`,
      ),
      errors: ["a.yaml:8:10: destinations.chat.url: must be at most 2048 characters long"],
    },
    {
      name: "a destination written as its URL",
      text: valid.replace(
        "  chat:\n    type: slack\n    url: https://hooks.slack.com/services/T000/B000/XXXX",
        `  chat: ${credential}`,
      ),
      errors: ["a.yaml:6:9: destinations.chat: expected a map"],
    },
    {
      name: "the destinations written as a URL",
      text: `destinations: ${credential}\nrules: []\n`,
      errors: ["a.yaml:1:15: destinations: expected a map"],
    },
    {
      name: "a secret the YAML reader takes for a key",
      text: valid.replace(secret, "whsec_not-for-logs: x"),
      errors: [
        "a.yaml:5:13: destinations.ops.secret: YAML syntax: nested mappings are not allowed in compact mappings",
      ],
    },
  ];

  it.each(misplaced)("never repeats a credential: $name", ({ text, errors }) => {
    const result = parseAlertsText(text, "a.yaml");
    expect(JSON.stringify(result)).not.toContain("not-for-logs");
    if (!result.ok) expect(formatAlertsFileErrors(result.errors).split("\n")).toEqual(errors);
    expect(result.ok).toBe(false);
  });
});

describe("readAlertsFile", () => {
  it("reads the example file of the README", async () => {
    const example = fileURLToPath(new URL("../examples/alerts.yaml", import.meta.url));
    const result = await readAlertsFile(example, {
      secrets: lookup({
        ALERTS_SLACK_ML_PLATFORM_URL: "https://hooks.slack.com/services/T0/B0/abc",
        ALERTS_GOVERNANCE_HOOK_SECRET: secret,
      }),
    });
    if (!result.ok) throw new Error(formatAlertsFileErrors(result.errors));
    expect(result.value.rules.map((r) => r.kind)).toEqual([
      "level_dropped",
      "level_dropped",
      "risk_entered_top",
      "risk_entered_top",
      "gap_widened",
      "waiver_expiring",
      "evidence_stale",
    ]);
    expect(result.value.quietHours).toEqual({
      from: "22:00",
      to: "07:00",
      timeZone: "Europe/Berlin",
      destinations: ["ml-platform-slack"],
    });
  });

  it("is the example the README shows", async () => {
    const read = (path: string) => readFile(fileURLToPath(new URL(path, import.meta.url)), "utf8");
    const example = await read("../examples/alerts.yaml");
    const shown = /```yaml\n(.*?)```/s.exec(await read("../README.md"))?.[1];
    expect(shown).toBe(example.slice(example.indexOf("destinations:")));
  });

  it("says when the file cannot be read, without throwing", async () => {
    const missing = join(await mkdtemp(join(tmpdir(), "alerts-")), "missing.yaml");
    expect(await readAlertsFile(missing)).toEqual({
      ok: false,
      errors: [{ file: missing, path: "", message: "cannot read the alerts file: no such file" }],
    });
  });

  it("reads a file from disk like its text", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "alerts-")), "alerts.yaml");
    await writeFile(path, valid);
    expect(await readAlertsFile(path)).toEqual(parseAlertsText(valid, path));
  });
});
