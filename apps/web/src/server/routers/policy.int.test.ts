import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { liveProjections } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import type { MaturityEvent } from "@maturity/model";
import { axes, parseEvent } from "@maturity/model";
import { rubric as builtinRubric } from "@maturity/model/rubric";
import { builtinPolicy, mergePreviews, previewPolicy, readPolicyText } from "@maturity/policy";
import type { QueueFacts, SystemFacts } from "@maturity/scoring";
import { scoreSystem } from "@maturity/scoring";
import { applyBatch } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);
const admin: Viewer = { id: "ada@example.com", name: "Ada", roles: ["viewer", "admin"], via: "proxy" };
const viewer: Viewer = { id: "vic@example.com", name: "Vic", roles: ["viewer"], via: "proxy" };

const asOf = "2026-11-24T00:00:00.000Z";
const bankFile = "regulated-bank.yaml";
const bankText = readFileSync(
  new URL("../../../../../examples/policies/regulated-bank.yaml", import.meta.url),
  "utf8",
);
const bank = (() => {
  const read = readPolicyText(bankText, bankFile);
  if (!read.ok) throw new Error("the example policy does not read");
  return read.policy;
})();

const waiver = {
  specversion: "1.0",
  id: "policy-int-waiver-1",
  source: "https://grc.acme.example",
  type: "gov.waiver.granted",
  time: "2026-11-20T09:00:00.000Z",
  subject: "search-ranker",
  datacontenttype: "application/json",
  data: {
    criterionId: "deployment.l3.canary-or-shadow",
    reason: "The ranker is batch-served until the online rewrite lands.",
    approver: "head-of-model-risk@acme.example",
    // Not later: the model refuses any time over a day ahead of the wall clock, expiries included.
    expiresAt: "2026-12-04T00:00:00.000Z",
  },
};

const events: MaturityEvent[] = [
  ...readFileSync(new URL("../../../../cli/examples/scenarios.ndjson", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown),
  waiver,
].map((json) => {
  const parsed = parseEvent(json);
  if (!parsed.ok) throw new Error("bad example event");
  return parsed.event;
});

describe.each(["postgres", "pglite"] as const)("the policy router (%s)", (driver) => {
  const store = suiteDatabase(driver);
  let logDir: string;
  let log: EventLog;

  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), "maturity-policy-router-"));
    log = await openEmbeddedLog(logDir);
    const records = events.map((event, index) => ({
      key: event.subject,
      value: JSON.stringify(event),
      position: `p@${index}`,
    }));
    await applyBatch(store().db, records, Date.parse(asOf));
  }, 120_000);
  afterAll(async () => {
    await log?.close();
    if (logDir) await rm(logDir, { recursive: true, force: true });
  });

  const callerFor = (who: Viewer | null, append?: EventLog["append"]) =>
    createCaller(
      createInnerContext({
        db: store().db,
        viewer: who,
        refusal: "sign in first",
        ...(append !== undefined && { appendToLog: append }),
      }),
    );
  const appended = async () =>
    (await readFile(path.join(logDir, "events.ndjson"), "utf8").catch(() => ""))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { key: string; value: string });

  it("shows a viewer the policy in force: the built-in rubric, criterion by criterion, no changes", async () => {
    const inForce = await callerFor(viewer).policy.inForce();
    expect(inForce).toMatchObject({
      kind: "builtin",
      name: "builtin",
      rubricVersion: builtinRubric.version,
      contentHash: builtinPolicy().contentHash,
      activation: null,
      disabled: [],
      waivers: { maxDays: 180, forbidden: [] },
    });
    expect(inForce.criteria.map((criterion) => criterion.id).sort()).toEqual(
      builtinRubric.criteria.map((criterion) => criterion.id).sort(),
    );
    expect(inForce.criteria.every((criterion) => criterion.change === null && criterion.rule !== "")).toBe(
      true,
    );
    const cadence = inForce.criteria.find((criterion) => criterion.id === "deployment.l2.weekly-deploys")!;
    expect(cadence).toMatchObject({
      axis: "deployment",
      level: 2,
      rule: "share of weeks with ≥ 1 of productionDeploys",
    });
    expect(inForce.diff.criteria).toEqual([]);
  });

  it("keeps preview and activation to admins: a viewer gets FORBIDDEN, nobody signed in UNAUTHORIZED", async () => {
    const file = { text: bankText, fileName: bankFile };
    await expect(callerFor(viewer).policy.preview(file)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(viewer, log.append).policy.activate({ ...file, contentHash: bank.contentHash }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).policy.inForce()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await appended()).toEqual([]);
  });

  it("lists every error of a bad file with its line, column, path and message", async () => {
    const bad = bankText.replace("threshold: 0.2", "threshold: 2").replace("maxDays: 90", "maxDays: 0");
    const lines = bad.split("\n");
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    const result = await callerFor(admin).policy.preview({ text: bad, fileName: bankFile });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: lineOf("maxDays: 0"),
        path: "waivers.maxDays",
        column: expect.any(Number),
      }),
      expect.objectContaining({
        line: lineOf("threshold: 2"),
        path: "criteria[0].threshold",
        column: expect.any(Number),
      }),
    ]);
    expect(result.errors[0]!.text).toMatch(
      new RegExp(`^${bankFile}:${lineOf("maxDays: 0")}:\\d+: waivers.maxDays: `),
    );

    const notYaml = await callerFor(admin).policy.preview({
      text: "name: [unclosed",
      fileName: "broken.yaml",
    });
    expect(notYaml.ok).toBe(false);
    if (!notYaml.ok)
      expect(notYaml.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it("previews a good file: diffs, and the moves agree with scoring the stored facts under each rubric", async () => {
    const result = await callerFor(admin).policy.preview({ text: bankText, fileName: bankFile, asOf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.candidate).toMatchObject({
      kind: "policy",
      name: "regulated-bank",
      version: "3",
      rubricVersion: bank.rubricVersion,
      contentHash: bank.contentHash,
    });
    expect(result.inForce).toMatchObject({ name: "builtin", contentHash: builtinPolicy().contentHash });
    expect(result.activatable).toEqual({ ok: true });
    expect(result.fromBuiltin.criteria).toEqual(result.fromInForce.criteria);
    expect(result.fromBuiltin.criteria).toContainEqual(
      expect.objectContaining({ criterion: "deployment.l3.several-deploys-weekly", change: "disabled" }),
    );
    expect(result.fromBuiltin.criteria).toContainEqual(
      expect.objectContaining({ criterion: "deployment.l2.monthly-releases", change: "added" }),
    );
    const threshold = result.fromBuiltin.criteria.find(
      (c) => c.criterion === "evaluation.l2.results-recorded",
    );
    expect(threshold).toMatchObject({
      change: "changed",
      fields: [{ field: "threshold", before: 0.9, after: 1, beforeText: "90%", afterText: "100%" }],
    });
    expect(result.fromBuiltin.waivers).toMatchObject({ maxDays: { before: 180, after: 90 } });

    // The same systems scored independently, from the facts the worker stored.
    const stored = await store().db.select().from(liveProjections.systemFacts);
    const queues = Object.fromEntries(
      (await store().db.select().from(liveProjections.queueFacts)).map((row) => [row.queue, row.facts]),
    ) as Record<string, QueueFacts>;
    const expected = [];
    for (const row of stored) {
      const facts = row.facts as SystemFacts;
      const before = scoreSystem(facts, { asOf, rubric: builtinRubric }, queues);
      const after = scoreSystem(facts, { asOf, rubric: bank.rubric }, queues);
      if (before === null || after === null || after.retired) continue;
      for (const axis of axes) {
        const [a, b] = [before.axes[axis], after.axes[axis]];
        if (a.level !== b.level || a.score !== b.score)
          expected.push({
            systemId: after.systemId,
            name: after.name,
            team: after.team,
            kind: after.kind,
            axis,
            from: { level: a.level, score: a.score },
            to: { level: b.level, score: b.score },
          });
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(result.preview.changes).toEqual(
      expected.sort((x, y) => (x.systemId < y.systemId ? -1 : x.systemId > y.systemId ? 1 : 0)),
    );
    expect(result.preview.asOf).toBe(asOf);
    expect(result.systemsScored).toBe(stored.length);
    expect(result.systemsSkipped).toBe(0);
    const moved = new Set(expected.filter((c) => c.from.level !== c.to.level).map((c) => c.systemId));
    expect(result.preview.teams.reduce((sum, team) => sum + team.up + team.down, 0)).toBeGreaterThanOrEqual(
      moved.size,
    );
    expect(result.preview.criteria.length).toBeGreaterThan(0);
    expect(result.preview.criteria.every((row) => row.title !== null)).toBe(true);

    // Scored a chunk at a time, the parts merge into what one run over every system gives.
    const systems = stored.map((row) => ({ facts: row.facts as SystemFacts })).reverse();
    const whole = previewPolicy({ systems, queues, asOf, from: builtinPolicy(), to: bank });
    const parts = systems.map((system) =>
      previewPolicy({ systems: [system], queues, asOf, from: builtinPolicy(), to: bank }),
    );
    expect(mergePreviews(parts, Date.parse(asOf), builtinPolicy(), bank)).toEqual(whole);
  });

  it("activates only the file previewed, as one event naming the admin; the worker puts it in force", async () => {
    const caller = callerFor(admin, log.append);
    const file = { text: bankText, fileName: bankFile };
    await expect(
      callerFor(admin).policy.activate({ ...file, contentHash: bank.contentHash }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const edited = bankText.replace("maxDays: 90", "maxDays: 60");
    await expect(
      caller.policy.activate({ text: edited, fileName: bankFile, contentHash: bank.contentHash }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("preview it again"),
    });
    await expect(
      caller.policy.activate({ ...file, contentHash: bank.contentHash, basedOn: "0".repeat(64) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("changed since the preview"),
    });
    expect(await appended()).toEqual([]);

    const activated = await caller.policy.activate({
      ...file,
      contentHash: bank.contentHash,
      basedOn: builtinPolicy().contentHash,
    });
    expect(activated).toMatchObject({ name: "regulated-bank", rubricVersion: bank.rubricVersion });
    const records = await appended();
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toBe("policy");
    const event = JSON.parse(records[0]!.value) as MaturityEvent & { type: "policy.activated" };
    expect(event).toMatchObject({
      id: activated.eventId,
      type: "policy.activated",
      source: "urn:maturity:portal",
      subject: "policy",
      data: {
        name: "regulated-bank",
        version: 3,
        rubricVersion: bank.rubricVersion,
        contentHash: bank.contentHash,
        actor: admin.id,
        document: bank.document,
      },
    });
    expect(parseEvent(event).ok).toBe(true);

    // The worker applies it: in force, every system re-scored, its history saying so.
    const appliedAt = Date.parse(asOf) + 60_000;
    await applyBatch(store().db, [{ ...records[0]!, position: "policy@0" }], appliedAt);
    const inForce = await callerFor(viewer).policy.inForce();
    expect(inForce).toMatchObject({
      kind: "policy",
      name: "regulated-bank",
      version: "3",
      rubricVersion: bank.rubricVersion,
      activation: { eventId: activated.eventId, actor: admin.id },
      disabled: [expect.objectContaining({ id: "deployment.l3.several-deploys-weekly", axis: "deployment" })],
      waivers: {
        maxDays: 90,
        forbidden: ["governance.l2.named-owner", "governance.l4.risk-per-material-change"],
      },
    });
    expect(inForce.criteria.find((c) => c.id === "deployment.l2.monthly-releases")?.change).toBe("added");
    expect(inForce.criteria.find((c) => c.id === "evaluation.l2.results-recorded")).toMatchObject({
      change: "changed",
      changedFields: ["threshold"],
    });
    const report = await callerFor(viewer).system.report({ systemId: "fraud-scoring" });
    expect(report.rubricVersion).toBe(bank.rubricVersion);
    expect(report.guide["deployment.l2.monthly-releases"]?.title).toBe(
      "Batch models are released on a steady monthly cycle",
    );
    const policyPoints = report.history.filter((point) => point.cause === "policy");
    expect(policyPoints.length).toBeGreaterThan(0);
    expect(policyPoints.every((point) => point.rubricVersion === bank.rubricVersion)).toBe(true);
    expect(
      report.history
        .filter((point) => point.cause !== "policy")
        .every((p) => p.rubricVersion === builtinRubric.version),
    ).toBe(true);

    // The same file again: in force already, nothing appended.
    await expect(caller.policy.activate({ ...file, contentHash: bank.contentHash })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("in force already"),
    });
    const again = await caller.policy.preview({ ...file, asOf });
    expect(again.ok && again.activatable).toEqual({ ok: false, reason: "it is the policy in force already" });
    expect(again.ok && again.preview.changes).toEqual([]);
    expect(await appended()).toHaveLength(1);

    // A past day is recomputed under the policy in force then: the built-in rubric.
    const past = await callerFor(viewer).system.report({ systemId: "fraud-scoring", asOf });
    expect(past.rubricVersion).toBe(builtinRubric.version);
  });

  it("lists the waivers in force and counts them per team", async () => {
    const waivers = await callerFor(viewer).org.waivers();
    expect(waivers.total).toBe(1);
    expect(waivers.teams).toEqual([{ team: "search", waivers: 1, systems: 1 }]);
    expect(waivers.waivers[0]).toMatchObject({
      systemId: "search-ranker",
      team: "search",
      criterionId: waiver.data.criterionId,
      approver: waiver.data.approver,
      eventId: waiver.id,
      expiresAt: waiver.data.expiresAt,
    });
    const report = await callerFor(viewer).system.report({ systemId: "search-ranker" });
    expect(report.report.waivers).toEqual([
      expect.objectContaining({ criterionId: waiver.data.criterionId }),
    ]);
    const waived = report.report.axes.deployment.criteria.find((c) => c.id === waiver.data.criterionId);
    expect(waived?.status).toBe("waived");
  });
});
