// Alerts as a Slack incoming-webhook message: Block Kit blocks plus `text`, the fallback shown in
// notifications. Slack refuses a message over its limits (50 blocks, 3,000 characters of section
// text), so a large batch shows the first alerts and says how many more there are. Every piece of
// user content (names, teams, titles) is escaped: `<!channel>` in a system's name stays text.
import type { Alert } from "../alert.ts";
import type { AlertMessage } from "../group.ts";
import { portalLink } from "../portal-links.ts";
import type { RenderedBody, RenderOptions } from "./cloudevent.ts";

export const slackLimits = { blocks: 50, sectionText: 3000, headerText: 150, fallbackText: 3000 } as const;

export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's three control characters as entities: what Slack asks for, and all it takes. */
export function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function renderSlack(message: AlertMessage, { publicUrl }: RenderOptions): SlackMessage {
  const { alerts } = message;
  const header: SlackBlock = {
    type: "header",
    text: {
      type: "plain_text",
      text:
        alerts.length === 1
          ? `Maturity alert: ${label(alerts[0] as Alert)}`
          : `Maturity alerts: ${alerts.length} changes`,
    },
  };
  // One block for the header; when not all alerts fit, one for "and N more".
  const room = slackLimits.blocks - 1;
  const shown = alerts.length <= room ? alerts : alerts.slice(0, room - 1);
  const blocks: SlackBlock[] = [header, ...shown.map((alert) => alertSection(alert, publicUrl))];
  const hidden = alerts.length - shown.length;
  if (hidden > 0)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${hidden} more. ${link(publicUrl, "See the portal")}` }],
    });
  return { text: fallbackText(alerts), blocks };
}

/** The request body for a Slack incoming webhook. */
export function renderSlackBody(message: AlertMessage, options: RenderOptions): RenderedBody {
  return { contentType: "application/json", body: JSON.stringify(renderSlack(message, options)) };
}

function alertSection(alert: Alert, publicUrl: string): SlackBlock {
  const head = `*${label(alert)}*\n`;
  const tail = `\n${link(portalLink(publicUrl, alert.subject), "Open in the portal")}`;
  const summary = fit(escapeSlack(alert.summary), slackLimits.sectionText - head.length - tail.length);
  return { type: "section", text: { type: "mrkdwn", text: `${head}${summary}${tail}` } };
}

// Summaries until the fallback is long enough for any notification, then how many were left out.
function fallbackText(alerts: readonly Alert[]): string {
  const lines: string[] = [];
  let length = 0;
  for (const alert of alerts) {
    const line = escapeSlack(alert.summary);
    if (lines.length > 0 && length + line.length > 1000) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = alerts.length - lines.length;
  const text = `${lines.join("\n")}${more > 0 ? `\n…and ${more} more` : ""}`;
  return fit(text, slackLimits.fallbackText);
}

function label(alert: Alert): string {
  switch (alert.kind) {
    case "level_dropped":
      return `Level dropped on ${alert.change.axis}`;
    case "risk_entered_top":
      return `Risk entered the top ${alert.change.top}`;
    case "gap_widened":
      return `Track gap widened on ${alert.change.axis}`;
    case "waiver_expiring":
      return alert.change.after === "expired" ? "Waiver expired" : "Waiver expiring";
    case "evidence_stale":
      return "Evidence gone stale";
    case "campaign_off_track":
      return "Campaign off track";
  }
}

// `<url|label>`: the URL is ours (the public URL and encoded ids), but a `|` or `>` in it would end
// the link early, so they are encoded too.
function link(url: string, text: string): string {
  return `<${escapeSlack(url).replaceAll("|", "%7C")}|${escapeSlack(text)}>`;
}

/** At most `max` characters, ending "…" when cut, never inside an `&amp;`-style entity. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, "")}…`;
}
