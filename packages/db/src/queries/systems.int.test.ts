import { readFileSync } from "node:fs";
import type { MaturityEvent } from "@maturity/model";
import { catalogueChangeOf, catalogueIdentity } from "@maturity/model";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { liveProjections } from "../schema/projections.ts";
import { suiteDatabase, type Driver } from "../testing/suite-database.ts";
import { appendEvents } from "./event-store.ts";
import { applyToSystems, listSystems, type SystemSummary } from "./systems.ts";

const t0 = Date.parse("2026-11-01T00:00:00Z");
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();

function catalogueEvent(
  systemId: string,
  name: string,
  type: MaturityEvent["type"],
  hours: number,
  data: Record<string, unknown>,
): MaturityEvent {
  return {
    specversion: "1.0",
    id: `${systemId}-${name}`,
    source: "catalog://admin",
    type,
    time: at(hours),
    subject: systemId,
    data,
  } as MaturityEvent;
}

/** Registered, updated, retired and, with `reRegister`, registered again under another team. */
function lifecycle(
  systemId: string,
  reRegister: boolean,
): { evidence: MaturityEvent; changes: MaturityEvent[] } {
  const changes = [
    catalogueEvent(systemId, "reg", "catalog.system.registered", 0, {
      name: "Fraud v1",
      team: "alpha",
      kind: "llm",
      riskTier: "limited",
      sources: { gpuQueues: ["q1"] },
    }),
    catalogueEvent(systemId, "upd", "catalog.system.updated", 1, { name: "Fraud v2", riskTier: "high" }),
    catalogueEvent(systemId, "ret", "catalog.system.retired", 2, {}),
  ];
  if (reRegister)
    changes.push(
      catalogueEvent(systemId, "rereg", "catalog.system.registered", 3, {
        name: "Fraud v3",
        team: "beta",
        kind: "classical",
        riskTier: "minimal",
      }),
    );
  const evidence = {
    specversion: "1.0",
    id: `${systemId}-run`,
    source: "ci://test",
    type: "ci.pipeline.completed",
    time: at(0.5),
    subject: systemId,
    data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
  } as MaturityEvent;
  return { evidence, changes };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * Systems that each get the same lifecycle in another arrival order: every order of the changes
 * of a retired system and of one registered again (with a pipeline run among them).
 */
function arrivals(): { systemId: string; retired: boolean; order: MaturityEvent[] }[] {
  const systems = [];
  for (const [prefix, reRegister] of [
    ["gone", false],
    ["back", true],
  ] as const) {
    const count = permutations(lifecycle("x", reRegister).changes).length;
    for (let i = 0; i < count; i++) {
      const systemId = `${prefix}-${i}`;
      const { evidence, changes } = lifecycle(systemId, reRegister);
      const order = permutations(changes)[i]!;
      order.splice(i % (order.length + 1), 0, evidence);
      systems.push({ systemId, retired: !reRegister, order });
    }
  }
  return systems;
}

/** Applies batch k = the k-th arrival of every system, then every event once more, reversed. */
async function deliver(db: ReturnType<ReturnType<typeof suiteDatabase>>["db"]) {
  const systems = arrivals();
  const longest = Math.max(...systems.map((system) => system.order.length));
  const batches: MaturityEvent[][] = [];
  for (let k = 0; k < longest; k++) batches.push(systems.flatMap(({ order }) => order.slice(k, k + 1)));
  for (const batch of [...batches].reverse()) batches.push([...batch].reverse());
  for (const batch of batches) {
    await db.transaction(async (tx) => {
      const fresh = await appendEvents(tx, batch, at(10));
      await applyToSystems(tx, fresh);
    });
  }
  return systems;
}

const identityOf = (row: SystemSummary) => {
  const { systemId: _systemId, ...rest } = row;
  return rest;
};

describe.each<Driver>(["postgres", "pglite"])("the systems read model (%s)", (driver) => {
  const database = suiteDatabase(driver);

  it("takes catalogue identity by event time, whatever the arrival order, every event delivered twice", async () => {
    const systems = await deliver(database().db);
    const rows = new Map((await listSystems(database().db)).map((row) => [row.systemId, row]));
    expect(rows.size).toBe(systems.length);
    for (const { systemId, retired, order } of systems) {
      const row = rows.get(systemId)!;
      const identity = catalogueIdentity(
        order.map(catalogueChangeOf).filter((change) => change !== undefined),
      );
      expect(row, systemId).toEqual({
        systemId,
        name: identity.name,
        team: identity.team,
        kind: identity.kind,
        riskTier: identity.riskTier,
        eventCount: order.length,
        latestEventAt: retired ? at(2) : at(3),
        retiredAt: identity.retiredAt === null ? null : new Date(identity.retiredAt).toISOString(),
      });
      expect(identityOf(row)).toEqual(identityOf(rows.get(retired ? "gone-0" : "back-0")!));
    }
    expect(rows.get("gone-0")).toMatchObject({
      name: "Fraud v2",
      team: "alpha",
      riskTier: "high",
      retiredAt: at(2),
    });
    expect(rows.get("back-0")).toMatchObject({
      name: "Fraud v3",
      team: "beta",
      kind: "classical",
      retiredAt: null,
    });
  });

  it("is what the migration builds from the event store for rows written before it", async () => {
    const { systems } = liveProjections;
    const built = await database().db.select().from(systems).orderBy(systems.systemId);
    // As a row of the old projection could be: no catalogue kept, fields as the last arrival left them.
    await database().db.execute(
      sql`update projections.systems set catalogue = '[]'::jsonb, name = 'stale', team = null, kind = null,
        risk_tier = null, retired_at = now()`,
    );
    const migration = readFileSync(
      new URL("../../drizzle/0003_systems_catalogue.sql", import.meta.url),
      "utf8",
    ).split("--> statement-breakpoint");
    // The first statement adds the column; the others fill it and the fields.
    for (const statement of migration.slice(1)) await database().db.execute(sql.raw(statement));
    expect(await database().db.select().from(systems).orderBy(systems.systemId)).toEqual(built);
  });
});
