import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ClauseEntry } from "@maturity/audit";
import { clauseIndex } from "@maturity/audit";
import { currentReport, currentReports, eventsByIds } from "@maturity/db";
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { EventLog } from "@maturity/log";
import { openEmbeddedLog } from "@maturity/log";
import type { MaturityEvent, RiskTier } from "@maturity/model";
import { parseEvent } from "@maturity/model";
import { rubric as builtinRubric } from "@maturity/model/rubric";
import { applyBatch } from "@maturity/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer.ts";
import { appRouter } from "../router.ts";
import { packToHash } from "../audit-pack/build-pack.ts";
import { createCallerFactory, createInnerContext } from "../trpc.ts";
import { evidenceShown } from "./compliance-views.ts";

const createCaller = createCallerFactory(appRouter);
const admin: Viewer = { id: "ada@example.com", name: "Ada", roles: ["viewer", "admin"], via: "proxy" };
const viewer: Viewer = { id: "vic@example.com", name: "Vic", roles: ["viewer"], via: "proxy" };

const asOf = "2026-11-24T00:00:00.000Z";
const hourMs = 3_600_000;
// An audit requested five hours before the test runs: within the metric's window when the
// delivery is applied on the worker's clock now.
const requestedAt = new Date(Date.now() - 5 * hourMs).toISOString();
const auditRequest = {
  specversion: "1.0",
  id: "compliance-int-audit-1",
  source: "https://grc.acme.example",
  type: "gov.audit.requested",
  time: requestedAt,
  subject: "fraud-scoring",
  datacontenttype: "application/json",
  data: { auditId: "AUD-101", requestedBy: "internal-audit" },
};

const events: MaturityEvent[] = [
  ...readFileSync(new URL("../../../../cli/examples/scenarios.ndjson", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown),
  auditRequest,
].map((json) => {
  const parsed = parseEvent(json);
  if (!parsed.ok) throw new Error("bad example event");
  return parsed.event;
});

/** What the served clause index must say, from the index computed on the stored report. */
function essentials(entries: readonly ClauseEntry[]) {
  return entries.map((entry) => ({
    framework: entry.framework,
    clause: entry.clause,
    supported: entry.supported,
    criteria: entry.criteria.map((c) => ({
      criterionId: c.criterionId,
      status: c.status,
      evidence: c.evidence.slice(0, evidenceShown),
    })),
  }));
}

describe.each(["postgres", "pglite"] as const)("the compliance router (%s)", (driver) => {
  const store = suiteDatabase(driver);
  let logDir: string;
  let log: EventLog;

  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), "maturity-compliance-router-"));
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

  it("serves the clause index of the stored report, with each shown evidence event's type and time", async () => {
    const served = await callerFor(viewer).compliance.system({ systemId: "fraud-scoring" });
    const stored = (await currentReport(store().db, "fraud-scoring"))!;
    const expected = clauseIndex(stored.report, builtinRubric);
    expect(
      essentials(
        served.clauses.map((entry) => ({
          ...entry,
          criteria: entry.criteria.map((c) => ({ ...c, evidence: c.evidence.map((e) => e.id) })),
        })),
      ),
    ).toEqual(essentials(expected));
    expect(served).toMatchObject({
      system: { systemId: "fraud-scoring", riskTier: stored.report.riskTier },
      asOf: stored.asOf,
      pointInTime: false,
      rubricVersion: stored.rubricVersion,
      packSigningKey: null,
    });
    expect(served.clauses.some((entry) => entry.supported)).toBe(true);
    expect(served.clauses.some((entry) => !entry.supported)).toBe(true);

    // Each event shown is the stored one: its type and time as the store has them.
    const shown = served.clauses.flatMap((entry) => entry.criteria.flatMap((c) => c.evidence));
    expect(shown.length).toBeGreaterThan(0);
    const storedEvents = new Map(
      (await eventsByIds(store().db, [...new Set(shown.map((e) => e.id))])).map((e) => [e.id, e]),
    );
    for (const event of shown) {
      const original = storedEvents.get(event.id);
      if (original === undefined) expect(event).toMatchObject({ type: null, time: null });
      else
        expect(event).toEqual({
          id: original.id,
          type: original.type,
          time: new Date(original.time).toISOString(),
        });
    }
    expect(shown.filter((event) => event.type !== null).length).toBeGreaterThan(0);
    const counts = new Map(
      Object.values(stored.report.axes).flatMap((axis) => axis.criteria.map((c) => [c.id, c.evidenceCount])),
    );
    for (const criterion of served.clauses.flatMap((entry) => entry.criteria))
      expect(criterion.evidenceCount).toBe(counts.get(criterion.criterionId) ?? 0);
  });

  it("serves a past day's clause index from the report recomputed as of then", async () => {
    const past = "2026-11-10T23:59:59.999Z";
    const served = await callerFor(viewer).compliance.system({ systemId: "fraud-scoring", asOf: past });
    expect(served).toMatchObject({ pointInTime: true, asOf: past, rubricVersion: builtinRubric.version });
    const then = await callerFor(viewer).system.report({ systemId: "fraud-scoring", asOf: past });
    expect(served.clauses.map((entry) => entry.criteria.map((c) => [c.criterionId, c.status]))).toEqual(
      clauseIndex(then.report, builtinRubric).map((entry) =>
        entry.criteria.map((c) => [c.criterionId, c.status]),
      ),
    );
    await expect(callerFor(viewer).compliance.system({ systemId: "no-such-system" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("counts each clause per risk tier: the counts add up to the tier's systems and agree with each report", async () => {
    const org = await callerFor(viewer).compliance.org();
    const reports = (await currentReports(store().db)).map((row) => row.report).filter((r) => !r.retired);
    expect(org.tiers.map((tier) => tier.tier)).toEqual(["high", "limited", "minimal"]);
    expect(org.tiers.reduce((sum, tier) => sum + tier.systems, 0)).toBe(reports.length);
    for (const { tier, systems } of org.tiers)
      expect(systems).toBe(reports.filter((report) => report.riskTier === tier).length);
    expect(org.clauses.map((row) => `${row.framework} ${row.clause}`)).toEqual(
      clauseIndex(reports[0]!, builtinRubric).map((entry) => `${entry.framework} ${entry.clause}`),
    );

    // The same counts, from the clause index of every stored report.
    const expected = new Map<
      string,
      { supported: number; partial: number; none: number; notApplicable: number }
    >();
    for (const report of reports)
      for (const entry of clauseIndex(report, builtinRubric)) {
        const key = `${entry.framework}|${entry.clause}|${report.riskTier}`;
        const counts = expected.get(key) ?? { supported: 0, partial: 0, none: 0, notApplicable: 0 };
        const applying = entry.criteria.filter((c) => c.status !== "not_applicable");
        const held = applying.filter((c) => c.status === "met" || c.status === "waived").length;
        if (applying.length === 0) counts.notApplicable++;
        else if (entry.supported) counts.supported++;
        else if (held > 0) counts.partial++;
        else counts.none++;
        expected.set(key, counts);
      }
    for (const row of org.clauses)
      for (const { tier, systems } of org.tiers) {
        const cell = row.tiers[tier as RiskTier];
        expect(cell.supported + cell.partial + cell.none + cell.notApplicable).toBe(systems);
        expect(cell.notApplicable).toBeGreaterThanOrEqual(0);
        expect(cell).toEqual(
          expected.get(`${row.framework}|${row.clause}|${tier}`) ?? {
            supported: 0,
            partial: 0,
            none: 0,
            notApplicable: 0,
          },
        );
      }
    expect(org.clauses.some((row) => row.tiers.high.supported > 0)).toBe(true);
    expect(org.clauses.some((row) => row.tiers.high.partial + row.tiers.high.none > 0)).toBe(true);
  });

  it("keeps everything behind sign-on, and delivery to admins", async () => {
    await expect(callerFor(null).compliance.org()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).compliance.system({ systemId: "fraud-scoring" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      callerFor(viewer, log.append).compliance.deliver({ systemId: "fraud-scoring", auditId: "AUD-101" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await appended()).toEqual([]);
  });

  it("delivers the pack against an open request: the request closes and the audit response time is measured", async () => {
    const open = await callerFor(viewer).compliance.openAuditRequests({ systemId: "fraud-scoring" });
    expect(open).toEqual([
      { auditId: "AUD-101", requestedBy: "internal-audit", requestedAt, eventId: auditRequest.id },
    ]);
    expect(await callerFor(viewer).compliance.openAuditRequests({ systemId: "search-ranker" })).toEqual([]);

    const caller = callerFor(admin, log.append);
    await expect(
      caller.compliance.deliver({ systemId: "fraud-scoring", auditId: "AUD-999" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerFor(admin).compliance.deliver({ systemId: "fraud-scoring", auditId: "AUD-101" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await appended()).toEqual([]);

    const delivered = await caller.compliance.deliver({ systemId: "fraud-scoring", auditId: "AUD-101" });
    expect(delivered).toMatchObject({ auditId: "AUD-101", signed: false });
    expect(delivered.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    const records = await appended();
    expect(records.map((record) => record.key)).toEqual(["fraud-scoring", "fraud-scoring"]);
    const [generated, delivery] = records.map((record) => JSON.parse(record.value) as MaturityEvent);
    expect(generated).toMatchObject({
      type: "gov.docs.generated",
      source: "urn:maturity:portal",
      subject: "fraud-scoring",
      data: {
        artefact: "technical_documentation",
        fromPipeline: true,
        manifestSha256: delivered.manifestSha256,
        actor: admin.id,
      },
    });
    expect(delivery).toMatchObject({
      id: delivered.eventId,
      type: "gov.audit.delivered",
      subject: "fraud-scoring",
      data: { auditId: "AUD-101", manifestSha256: delivered.manifestSha256, actor: admin.id },
    });
    for (const event of [generated, delivery]) {
      const parsed = parseEvent(event);
      expect(parsed.ok).toBe(true);
      // The extension fields survive parsing: the stored event keeps them.
      if (parsed.ok) expect(parsed.event.data).toMatchObject({ manifestSha256: delivered.manifestSha256 });
    }

    // The worker applies both: the request is closed and the metric has its value.
    const before = (await currentReport(store().db, "fraud-scoring"))!.report.metrics.auditResponseHours.p50;
    expect(before).toBeNull();
    await applyBatch(
      store().db,
      records.map((record, index) => ({ ...record, position: `deliver@${index}` })),
      Date.now(),
    );
    expect(await callerFor(viewer).compliance.openAuditRequests({ systemId: "fraud-scoring" })).toEqual([]);
    const report = await callerFor(viewer).system.report({ systemId: "fraud-scoring" });
    const hours = report.report.metrics.auditResponseHours.p50;
    expect(hours).not.toBeNull();
    expect(hours!).toBeGreaterThanOrEqual(5);
    expect(hours!).toBeLessThan(6);

    // The pack delivered can be had again: built as of the delivery's asOf, it hashes the same.
    const again = await packToHash(store().db, { systemId: "fraud-scoring", asOf: delivered.asOf });
    expect(again.manifestSha256).toBe(delivered.manifestSha256);

    // Delivered once: a second delivery is refused, nothing more appended.
    await expect(
      caller.compliance.deliver({ systemId: "fraud-scoring", auditId: "AUD-101" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await appended()).toHaveLength(2);
  });
});
