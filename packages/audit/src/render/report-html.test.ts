import { axes } from "@maturity/model";
import type { SystemReport } from "@maturity/model";
import { describe, expect, it } from "vitest";
import { frameworks } from "../frameworks.ts";
import { fixtureEvents, listSource, packOptions } from "../test/fixture.ts";
import { buildPack, json, text, unpack } from "../test/pack.ts";
import { escapeHtml, html } from "./html.ts";

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function page(events = fixtureEvents) {
  const files = unpack((await buildPack(listSource(events), packOptions())).zip);
  return {
    html: text(files.get("report.html")),
    report: json<{ report: SystemReport }>(files, "report.json").report,
  };
}

describe("report.html", () => {
  it("escapes every text that came from events", async () => {
    const events = fixtureEvents.map((e) =>
      e.type === "gov.owner.assigned" ? { ...e, data: { ...e.data, owner: hostile } } : e,
    );
    const { html: out } = await page(events);
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain(escapeHtml(hostile));
    expect(out).toContain("risk-ml &lt;primary&gt; &amp; &quot;night&quot;"); // the on-call rotation
  });

  it("needs nothing from outside: no script, no external stylesheet, image or font", async () => {
    const { html: out } = await page();
    expect(out).not.toMatch(/<script|<link|<iframe|<img|src=|url\(|@import/i);
    expect(out.match(/href="([^"]*)"/g)!.every((href) => href.startsWith('href="#'))).toBe(true);
    expect(out.startsWith("<!doctype html>")).toBe(true);
  });

  it("shows every criterion with what it checks and its status, and every section", async () => {
    const { html: out, report } = await page();
    for (const axis of axes)
      for (const criterion of report.axes[axis].criteria)
        expect(out).toContain(`id="criterion-${criterion.id}"`);
    expect(out).toContain("Looks for experiment runs logged to a tracking tool in the window.");
    for (const section of [
      "system",
      "levels",
      "metrics",
      "risks",
      "waivers",
      "model",
      "history",
      "regulations",
      "not-shown",
      "about",
    ])
      expect(out).toContain(`id="${section}"`);
    expect(out).toContain("head-of-model-risk@acme.example"); // the waiver's approver
    expect(out).toContain("2026-06-30 00:00 UTC"); // its expiry
    expect(out).toContain("jane.doe");
  });

  it("keeps what events cannot show apart from what they do", async () => {
    const { html: out } = await page();
    const limits = out.slice(out.indexOf('id="not-shown"'), out.indexOf('id="about"'));
    for (const facts of frameworks)
      for (const item of facts.notShownByEvents) expect(limits).toContain(escapeHtml(item));
    expect(limits).toContain("declaration of conformity");
    expect(limits).toContain("quality management system");
    expect(limits).toContain("post-market monitoring plan");
    expect(limits).toContain("Human oversight measures as designed");
  });
});

describe("html", () => {
  it("escapes values and keeps nested templates as markup", () => {
    // Another name for the tag, so the formatter leaves these templates' exact text alone.
    const markup = html;
    const inner = markup`<b>${"<i>"}</b>`;
    const out = markup`<p title="${'"q"'}">${inner}${["a&", markup`<br>`]}${null}${undefined}${false}${3}</p>`;
    expect(out.text).toBe('<p title="&quot;q&quot;"><b>&lt;i&gt;</b>a&amp;<br>3</p>');
  });
});
