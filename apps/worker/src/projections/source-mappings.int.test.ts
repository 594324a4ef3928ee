import type { DatabaseHandle } from "@maturity/db";
import { listUnmapped, sql } from "@maturity/db";
import { dumpProjections } from "@maturity/db/testing";
import { suiteDatabase } from "@maturity/db/testing/suite";
import type { MaturityEvent, NativeId, SystemReport } from "@maturity/model";
import {
  exampleEvents,
  formatNativeId,
  nativeIdKindNames,
  sourcesOf,
  unmappedSubject,
} from "@maturity/model";
import { describe, expect, it } from "vitest";
import { applyBatch } from "../apply-batch.ts";
import { replayProjections } from "../replay/replay.ts";
import { refreshRollups } from "./rollups.ts";

const t0 = Date.parse("2026-11-01T00:00:00Z");
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();

function pipelineRun(id: string, subject: string, hours: number, repo = "org/fraud"): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: `github://${repo}`,
    type: "ci.pipeline.completed",
    time: at(hours),
    subject,
    unmappedref: `repo:${repo}`,
    data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
  } as MaturityEvent;
}

function registration(id: string, hours: number, repos: string[] | undefined): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: "catalog://admin",
    type: hours === 0 ? "catalog.system.registered" : "catalog.system.updated",
    time: at(hours),
    subject: "fraud-scoring",
    data:
      hours === 0
        ? { name: "Fraud scoring", team: "risk", kind: "classical", riskTier: "high" }
        : { sources: { repos } },
  } as MaturityEvent;
}

async function apply(db: DatabaseHandle["db"], events: MaturityEvent[], hours: number) {
  const records = events.map((event, index) => ({
    key: event.subject,
    value: JSON.stringify(event),
    position: `m@${index}`,
  }));
  return applyBatch(db, records, t0 + hours * 3_600_000);
}

async function reportOf(db: DatabaseHandle["db"], systemId = "fraud-scoring"): Promise<SystemReport> {
  const [row] = (await db.execute(
    sql`select report from projections.system_reports where system_id = ${systemId}`,
  )) as unknown as { report: SystemReport }[];
  return row!.report;
}

const evidenceIds = (report: SystemReport) =>
  new Set(
    Object.values(report.axes).flatMap((axis) => axis.criteria.flatMap((criterion) => criterion.evidence)),
  );

describe("events from native ids no catalogue entry maps yet", () => {
  const database = suiteDatabase("postgres");

  it("are kept and listed as unmapped, then folded into the system once a catalogue entry maps them", async () => {
    await apply(database().db, [registration("reg", 0, undefined)], 1);
    const early = [
      pipelineRun("run-1", "unmapped:repo:org/fraud", 2),
      pipelineRun("run-2", "unmapped:repo:org/fraud", 3),
    ];
    const outcome = await apply(database().db, early, 4);
    expect(outcome.applied).toBe(2);
    expect(await listUnmapped(database().db)).toEqual([
      expect.objectContaining({ ref: "repo:org/fraud", eventCount: 2, mappedTo: null }),
    ]);
    expect(evidenceIds(await reportOf(database().db)).has("run-1")).toBe(false);

    // The admin maps the repository; the waiting events land in the system in the same batch.
    await apply(
      database().db,
      [registration("map", 5, ["org/fraud"]), pipelineRun("run-3", "unmapped:repo:org/fraud", 5)],
      6,
    );
    expect(await listUnmapped(database().db)).toEqual([
      expect.objectContaining({ ref: "repo:org/fraud", eventCount: 3, mappedTo: "fraud-scoring" }),
    ]);
    const mapped = evidenceIds(await reportOf(database().db));
    for (const id of ["run-1", "run-2", "run-3"]) expect(mapped.has(id)).toBe(true);

    // Later events of the id (from a sender that still does not resolve it) go straight in.
    await apply(database().db, [pipelineRun("run-4", "unmapped:repo:org/fraud", 7)], 8);
    expect(evidenceIds(await reportOf(database().db)).has("run-4")).toBe(true);
  });

  it("replay resolves them the same way", async () => {
    await refreshRollups(database().db, t0 + 8 * 3_600_000);
    const before = await dumpProjections(database().db);
    await replayProjections(database().db);
    expect(await dumpProjections(database().db)).toEqual(before);
  });
});

describe("several native ids mapped by one batch", () => {
  const database = suiteDatabase("postgres");

  it("map each id to the system that claimed it and fold each one's waiting events there alone", async () => {
    const registered = (systemId: string, repos: string[]) =>
      ({
        specversion: "1.0",
        id: `reg-${systemId}`,
        source: "catalog://admin",
        type: "catalog.system.registered",
        time: at(3),
        subject: systemId,
        data: { name: systemId, team: "risk", kind: "classical", riskTier: "high", sources: { repos } },
      }) as MaturityEvent;
    await apply(
      database().db,
      [
        pipelineRun("fraud-run", "unmapped:repo:org/fraud", 1),
        pipelineRun("fraud-lib-run", "unmapped:repo:org/fraud-lib", 1, "org/fraud-lib"),
        pipelineRun("churn-run", "unmapped:repo:org/churn", 2, "org/churn"),
      ],
      2,
    );
    await apply(
      database().db,
      [registered("fraud-scoring", ["org/fraud", "org/fraud-lib"]), registered("churn-model", ["org/churn"])],
      4,
    );
    expect(await listUnmapped(database().db)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: "repo:org/churn", mappedTo: "churn-model" }),
        expect.objectContaining({ ref: "repo:org/fraud", mappedTo: "fraud-scoring" }),
        expect.objectContaining({ ref: "repo:org/fraud-lib", mappedTo: "fraud-scoring" }),
      ]),
    );
    const fraud = evidenceIds(await reportOf(database().db, "fraud-scoring"));
    const churn = evidenceIds(await reportOf(database().db, "churn-model"));
    expect([fraud.has("fraud-run"), fraud.has("fraud-lib-run"), fraud.has("churn-run")]).toEqual([
      true,
      true,
      false,
    ]);
    expect([churn.has("churn-run"), churn.has("fraud-run")]).toEqual([true, false]);
  });
});

describe("every kind of native id, mapped after its events arrived", () => {
  const database = suiteDatabase("postgres");
  // What each kind's adapter sends (ingest: GitHub/GitLab, MLflow, OTLP, Kueue).
  const sent: { ref: NativeId; type: MaturityEvent["type"] }[] = [
    { ref: { kind: "repo", id: "org/fraud" }, type: "ci.pipeline.completed" },
    { ref: { kind: "registryModel", id: "fraud-xgb" }, type: "registry.model_version.registered" },
    { ref: { kind: "service", id: "fraud-api" }, type: "deploy.completed" },
    { ref: { kind: "gpuQueue", id: "risk-gpu" }, type: "gpu.job.admitted" },
  ];
  const waiting = (hours: number, suffix: string) =>
    sent.map(
      ({ ref, type }) =>
        ({
          ...exampleEvents.find((example) => example.type === type)!,
          id: `${ref.kind}-${suffix}`,
          source: `native://${ref.kind}`,
          time: at(hours),
          subject: unmappedSubject(ref),
          unmappedref: formatNativeId(ref),
        }) as MaturityEvent,
    );
  const factsText = async (systemId: string) => {
    const [row] = (await database().db.execute(
      sql`select facts::text as facts from projections.system_facts where system_id = ${systemId}`,
    )) as unknown as { facts: string }[];
    return row?.facts ?? "";
  };

  it("waits, then folds into the system that claims it (each kind once, each delivered twice)", async () => {
    expect(sent.map(({ ref }) => ref.kind)).toEqual(nativeIdKindNames);
    await apply(database().db, [registration("reg", 0, undefined)], 1);
    const early = waiting(1, "early");
    for (let round = 0; round < 2; round++) await apply(database().db, early, 2);
    expect((await listUnmapped(database().db)).map((row) => [row.ref, row.eventCount, row.mappedTo])).toEqual(
      sent.map(({ ref }) => [formatNativeId(ref), 1, null]).sort(),
    );
    for (const event of early) expect(await factsText("fraud-scoring")).not.toContain(`"${event.id}"`);

    // One catalogue update claims an id of every kind: every waiting event folds in.
    const claim = {
      ...registration("claim-all", 3, undefined),
      data: { sources: sourcesOf(sent.map(({ ref }) => ref)) },
    } as MaturityEvent;
    for (let round = 0; round < 2; round++) await apply(database().db, [claim], 4);
    expect((await listUnmapped(database().db)).map((row) => row.mappedTo)).toEqual(
      sent.map(() => "fraud-scoring"),
    );
    const facts = await factsText("fraud-scoring");
    for (const event of early) expect(facts, event.type).toContain(`"${event.id}"`);
    // No system is made of an unmapped subject.
    const counted = (await database().db.execute(
      sql`select count(*)::int as count from projections.system_facts where system_id like 'unmapped:%'`,
    )) as unknown as { count: number }[];
    expect(counted[0]!.count).toBe(0);

    // Later events of these ids go straight to the system.
    await apply(database().db, waiting(5, "late"), 6);
    const later = await factsText("fraud-scoring");
    for (const { ref } of sent) expect(later).toContain(`"${ref.kind}-late"`);
  });

  it("replay resolves them the same way", async () => {
    // As of the last batch's clock, as the replay rolls up.
    await refreshRollups(database().db, t0 + 6 * 3_600_000);
    const before = await dumpProjections(database().db);
    await replayProjections(database().db);
    expect(await dumpProjections(database().db)).toEqual(before);
  });
});
