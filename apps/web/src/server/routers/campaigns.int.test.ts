// Campaigns through the router on both drivers: defined and closed by an admin as events the real
// worker applies, evaluated from the score history the worker wrote, as of now and as of a past date.
import { suiteDatabase } from "@maturity/db/testing/suite";
import { applyBatch } from "@maturity/worker";
import { describe, expect, it } from "vitest";
import { suiteAdminLog } from "../../../test/admin-log.ts";
import { asRecords, testEvents } from "../../../test/test-events.ts";
import type { Viewer } from "../auth/viewer.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);
const admin: Viewer = { id: "cto@example.com", name: "Cee", roles: ["viewer", "admin"], via: "proxy" };
const viewer: Viewer = { id: "vic@example.com", name: "Vic", roles: ["viewer"], via: "proxy" };

const dayMs = 24 * 60 * 60 * 1000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * dayMs).toISOString();

const event = testEvents("campaign-test");
const registered = (id: string, kind: string, time: string) =>
  event("catalog.system.registered", id, time, { name: `System ${id}`, team: "ml", kind, riskTier: "high" });

const campaignYaml = `# Every high-risk LLM system has a named owner (governance level 2).
id: llm-owners
name: High-risk LLM systems owned
scope:
  kinds: [llm, agent]
  riskTiers: [high]
target:
  kind: axis_level
  axis: governance
  level: 2
deadline: ${new Date(now + 30 * dayMs).toISOString()}
owner: head-of-ml-platform
`;

describe.each(["postgres", "pglite"] as const)("campaigns (%s)", (driver) => {
  const store = suiteDatabase(driver);
  const log = suiteAdminLog(`campaigns-${driver}`);
  const callerFor = (who: Viewer) =>
    createCaller(createInnerContext({ db: store().db, viewer: who, appendToLog: log.append }));
  const appended = () => log.appended();
  const applyAppended = () => log.applyAppended(store().db);

  it("an admin defines a campaign from a file; anyone reads its progress from the score history", async () => {
    const db = store().db;
    // Ten weeks ago three high-risk systems appear; three weeks ago one LLM system gets an owner.
    await applyBatch(
      db,
      asRecords([
        registered("chat", "llm", daysAgo(70)),
        registered("triage", "agent", daysAgo(70)),
        registered("scorer", "classical", daysAgo(70)),
      ]),
      now - 70 * dayMs,
    );
    await applyBatch(
      db,
      asRecords([event("gov.owner.assigned", "chat", daysAgo(21), { owner: "jane" })]),
      now - 21 * dayMs,
    );

    const defined = await callerFor(admin).campaigns.define({
      text: campaignYaml,
      fileName: "campaign.yaml",
    });
    expect(defined).toMatchObject({ ok: true, campaignId: "llm-owners" });
    const events = (await appended()).map((record) => JSON.parse(record.value));
    expect(events).toEqual([
      expect.objectContaining({
        type: "campaign.defined",
        data: expect.objectContaining({ actor: admin.id }),
      }),
    ]);
    await applyAppended();

    const read = await callerFor(viewer).campaigns.get({ campaignId: "llm-owners" });
    expect(read).toMatchObject({
      status: "open",
      definedBy: admin.id,
      campaign: { owner: "head-of-ml-platform" },
    });
    // chat and triage are in scope (scorer is classical); chat meets governance level 2.
    expect(read.progress).toMatchObject({ inScope: 2, meeting: 1, onTrack: 1, deadlinePassed: false });
    expect(read.progress.atRisk).toEqual([
      expect.objectContaining({
        systemId: "triage",
        reason: "not_improving",
        nextUpgrade: expect.any(String),
      }),
    ]);
    // The burn-up: nobody four weeks ago, chat since.
    const week = (days: number) =>
      read.progress.burnUp.find((p) => Math.abs(Date.parse(p.at) - (now - days * dayMs)) < dayMs);
    expect(week(28)).toMatchObject({ inScope: 2, meeting: 0 });
    expect(read.progress.burnUp.at(-1)).toMatchObject({ inScope: 2, meeting: 1 });

    // As of four weeks ago, its progress then.
    const then = await callerFor(viewer).campaigns.get({ campaignId: "llm-owners", asOf: daysAgo(28) });
    expect(then.progress).toMatchObject({ inScope: 2, meeting: 0 });
    // Its last week is then (sampled back from then, so minutes apart from the other's week).
    expect(then.progress.burnUp.at(-1)).toMatchObject({
      inScope: week(28)!.inScope,
      meeting: week(28)!.meeting,
    });

    const list = await callerFor(viewer).campaigns.list();
    expect(list).toEqual([
      expect.objectContaining({
        status: "open",
        progress: expect.objectContaining({ meeting: 1, atRisk: 1 }),
      }),
    ]);
  });

  it("a criterion target reads each system re-scored week by week", async () => {
    const text = campaignYaml
      .replace("id: llm-owners", "id: llm-owner-criterion")
      .replace(
        /target:\n(.*\n){3}/,
        "target:\n  kind: criterion_met\n  criterionId: governance.l2.named-owner\n",
      );
    expect(await callerFor(admin).campaigns.define({ text, fileName: "criterion.yaml" })).toMatchObject({
      ok: true,
    });
    await applyAppended();
    const read = await callerFor(viewer).campaigns.get({ campaignId: "llm-owner-criterion" });
    expect(read.progress).toMatchObject({ inScope: 2, meeting: 1 });
    expect(read.progress.atRisk).toEqual([
      expect.objectContaining({ systemId: "triage", reason: "no_forecast" }),
    ]);
    expect(
      read.progress.burnUp.find(
        (p) => Date.parse(p.at) < now - 22 * dayMs && Date.parse(p.at) > now - 30 * dayMs,
      ),
    ).toMatchObject({ meeting: 0 });
  });

  it("refuses a bad file with the field and line, appending nothing; viewers may not define or close", async () => {
    const before = (await appended()).length;
    const bad = await callerFor(admin).campaigns.define({
      text: campaignYaml.replace("level: 2", "level: 7"),
      fileName: "campaign.yaml",
    });
    expect(bad).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ path: "target.level", line: 10 })],
    });
    // A deadline before the time window, a NUL in a name: refused, nothing recorded.
    const ancient = await callerFor(admin).campaigns.define({
      text: campaignYaml.replace(/deadline: \d{4}/, "deadline: 1000"),
      fileName: "campaign.yaml",
    });
    expect(ancient).toMatchObject({ ok: false, errors: [expect.objectContaining({ path: "deadline" })] });
    await expect(
      callerFor(admin).campaigns.define({
        text: campaignYaml.replace("name: High-risk LLM systems owned", 'name: "a\\0b"'),
        fileName: "campaign.yaml",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("NUL") });
    await expect(
      callerFor(viewer).campaigns.define({ text: campaignYaml, fileName: "campaign.yaml" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(viewer).campaigns.close({ campaignId: "llm-owners" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await appended()).length).toBe(before);
  });

  it("closing is an event naming the admin; a closed campaign cannot be closed again", async () => {
    await callerFor(admin).campaigns.close({ campaignId: "llm-owners", reason: "Done early." });
    await applyAppended();
    const read = await callerFor(viewer).campaigns.get({ campaignId: "llm-owners" });
    expect(read).toMatchObject({ status: "closed", closedBy: admin.id, closeReason: "Done early." });
    await expect(callerFor(admin).campaigns.close({ campaignId: "llm-owners" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Applied twice (a redelivered batch), nothing changes.
    const all = await appended();
    await applyBatch(store().db, [{ ...all.at(-1)!, position: "again" }], Date.now());
    expect(await callerFor(viewer).campaigns.get({ campaignId: "llm-owners" })).toMatchObject({
      status: "closed",
    });
    await expect(callerFor(viewer).campaigns.get({ campaignId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
