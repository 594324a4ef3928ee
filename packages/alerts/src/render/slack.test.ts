import { describe, expect, it } from "vitest";
import { decideAlerts } from "../decide.ts";
import { groupAlerts, type AlertMessage } from "../group.ts";
import { at, hour, manyDrops, rule } from "../test/snapshots.ts";
import { escapeSlack, renderSlack, renderSlackBody, slackLimits, type SlackBlock } from "./slack.ts";

const now = at(hour);
const publicUrl = "https://maturity.acme.example";
const messageOf = (count: number, name?: (i: number) => string): AlertMessage => {
  const alerts = decideAlerts({ rules: [rule({ kind: "level_dropped" })], ...manyDrops(count, name), now });
  return groupAlerts(alerts, { now })[0]!;
};
const texts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) =>
    b.type === "header" || b.type === "section" ? [b.text.text] : b.elements.map((e) => e.text),
  );

describe("renderSlack", () => {
  it("renders an alert as a header and a section with a link to the portal", () => {
    expect(renderSlack(messageOf(1), { publicUrl })).toEqual({
      text: "System 0 (team payments) dropped from level 3 to level 2 on evaluation.",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Maturity alert: Level dropped on evaluation" } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Level dropped on evaluation*\nSystem 0 (team payments) dropped from level 3 to level 2 on evaluation.\n<https://maturity.acme.example/systems/system-000|Open in the portal>",
          },
        },
      ],
    });
  });

  it("fits a 200-alert batch in 50 blocks, saying how many more there are", () => {
    const { text, blocks } = renderSlack(messageOf(200), { publicUrl });
    expect(blocks).toHaveLength(slackLimits.blocks);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Maturity alerts: 200 changes" },
    });
    expect(blocks.filter((b) => b.type === "section")).toHaveLength(48);
    expect(blocks[49]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "…and 152 more. <https://maturity.acme.example|See the portal>" }],
    });
    for (const t of texts(blocks)) expect(t.length).toBeLessThanOrEqual(slackLimits.sectionText);
    expect(text.length).toBeLessThanOrEqual(slackLimits.fallbackText);
    expect(text).toMatch(/\n…and \d+ more$/);
  });

  it("shows every alert when they fit: 49 alerts and the header are 50 blocks", () => {
    const { blocks } = renderSlack(messageOf(49), { publicUrl });
    expect(blocks).toHaveLength(50);
    expect(blocks.every((b) => b.type !== "context")).toBe(true);
  });

  it("escapes user content so it cannot ping a channel, mention someone or make a link", () => {
    const hostile = ["<!channel> Fraud & co", "<@U123> scorer", "<https://evil.example|click me>"];
    const rendered = renderSlack(
      messageOf(3, (i) => hostile[i]!),
      { publicUrl },
    );
    const all = [rendered.text, ...texts(rendered.blocks)].join("\n");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U123>");
    expect(all).not.toContain("<https://evil.example");
    expect(all).toContain("&lt;!channel&gt; Fraud &amp; co (team payments)");
    expect(all).toContain("&lt;@U123&gt; scorer");
    // The only links are ours.
    expect(all.match(/<[^>]*>/g)?.every((link) => link.startsWith("<https://maturity.acme.example"))).toBe(
      true,
    );
  });

  it("cuts a section over 3,000 characters, keeping its link and never splitting an escape", () => {
    const rendered = renderSlack(
      messageOf(1, () => "&".repeat(5000)),
      { publicUrl },
    );
    const section = rendered.blocks[1];
    expect(section?.type).toBe("section");
    const text = section?.type === "section" ? section.text.text : "";
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(
      /(&amp;)+…\n<https:\/\/maturity\.acme\.example\/systems\/system-000\|Open in the portal>$/,
    );
    expect(rendered.text.length).toBeLessThanOrEqual(3000);
    expect(rendered.text).toMatch(/(&amp;)+…$/);
  });

  it("is a JSON body for an incoming webhook", () => {
    const body = renderSlackBody(messageOf(2), { publicUrl });
    expect(body.contentType).toBe("application/json");
    expect(JSON.parse(body.body)).toEqual(renderSlack(messageOf(2), { publicUrl }));
  });
});

describe("escapeSlack", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeSlack("a & b < c > d *bold* _it_")).toBe("a &amp; b &lt; c &gt; d *bold* _it_");
    expect(escapeSlack("&amp;")).toBe("&amp;amp;");
  });
});
