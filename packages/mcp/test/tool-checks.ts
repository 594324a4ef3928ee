// What every transport must deliver: the SDK's own client lists the six tools and calls each one,
// and the answers agree with what the store holds (read here with @maturity/db directly). The
// in-process, stdio and Streamable HTTP suites all run these checks.
import type { Database } from "@maturity/db";
import { currentReports, rankedRisks, systemHistory, teamRollups } from "@maturity/db";
import { axes } from "@maturity/model";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { expect } from "vitest";
import { readOnlyAnnotations, toolNames } from "../src/index.ts";

// Structured answers as the client returns them (checked against each tool's output schema).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface ToolAnswer {
  isError: boolean;
  text: string;
  data: Json;
}

export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text?: string }[];
  return {
    isError: result.isError === true,
    text: content.map((part) => part.text ?? "").join("\n"),
    data: result.structuredContent,
  };
}

/** Calls `name` page by page (limit `limit`) and returns every item of `key`. */
export async function allPages(
  client: Client,
  name: string,
  key: string,
  args: Record<string, unknown>,
  limit: number,
): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = await call(client, name, { ...args, limit, ...(cursor !== undefined && { cursor }) });
    expect(answer.isError, answer.text).toBe(false);
    expect(answer.data[key].length).toBeLessThanOrEqual(limit);
    items.push(...answer.data[key]);
    cursor = answer.data.nextCursor ?? undefined;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor !== undefined);
  return { items, pages };
}

export async function checkToolList(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual([...toolNames].sort());
  for (const tool of tools) {
    expect(tool.annotations, tool.name).toMatchObject(readOnlyAnnotations);
    expect(tool.outputSchema?.type, tool.name).toBe("object");
    expect(tool.description!.length, tool.name).toBeGreaterThan(80);
    for (const [property, schema] of Object.entries(tool.inputSchema.properties ?? {}))
      expect((schema as { description?: string }).description, `${tool.name}.${property}`).toBeTruthy();
  }
}

/** Lists the tools and calls each one (and its errors), comparing the answers with the store. */
export async function checkEveryTool(client: Client, db: Database): Promise<void> {
  await checkToolList(client);
  const reports = await currentReports(db);
  const active = reports.filter((row) => !row.report.retired).map((row) => row.report);
  expect(active.length).toBeGreaterThan(2);

  // find_systems: every active system, by id; the same list a page at a time.
  const found = await call(client, "find_systems");
  expect(found.isError, found.text).toBe(false);
  expect(found.data.total).toBe(active.length);
  expect(found.data.systems.map((system: Json) => system.systemId)).toEqual(
    active.map((system) => system.systemId).sort(),
  );
  for (const system of found.data.systems) {
    const report = active.find((candidate) => candidate.systemId === system.systemId)!;
    for (const axis of axes) expect(system.levels[axis]).toBe(report.axes[axis].level);
    expect(system.riskCount).toBe(report.risks.length);
  }
  expect(found.text).toContain(`${active.length} system(s) match`);
  const paged = await allPages(client, "find_systems", "systems", {}, 2);
  expect(paged.items.map((system: Json) => system.systemId)).toEqual(
    found.data.systems.map((system: Json) => system.systemId),
  );
  expect(paged.pages).toBe(Math.ceil(active.length / 2));
  const firstPage = await call(client, "find_systems", { limit: 2 });
  const otherFilters = await call(client, "find_systems", {
    limit: 2,
    kind: "llm",
    cursor: firstPage.data.nextCursor,
  });
  expect(otherFilters.isError).toBe(true);
  expect(otherFilters.text).toContain("without a cursor");

  // get_scorecard: the stored report, summarised, its risks citing their events.
  const risky = [...active].sort((a, b) => b.risks.length - a.risks.length)[0]!;
  const card = await call(client, "get_scorecard", { systemId: risky.systemId });
  expect(card.isError, card.text).toBe(false);
  expect(card.data).toMatchObject({ systemId: risky.systemId, name: risky.name, team: risky.team });
  for (const axis of axes) expect(card.data.axes[axis].level).toBe(risky.axes[axis].level);
  expect(card.data.riskCount).toBe(risky.risks.length);
  expect(card.data.risks.length).toBe(Math.min(3, risky.risks.length));
  expect(card.data.risks[0].summary).toBe(risky.risks[0]!.summary);
  // Each risk cites (the first few of) the events behind it, as the report holds them.
  card.data.risks.forEach((risk: Json, index: number) => {
    const stored = [...new Set(risky.risks[index]!.evidence)];
    expect(risk.evidenceCount).toBe(stored.length);
    expect(risk.evidence).toEqual(stored.slice(0, 5));
  });
  expect(card.data.risks.some((risk: Json) => risk.evidence.length > 0)).toBe(true);
  expect(card.data.nextUpgrade.forThisSystem).toBe(risky.risks[0]!.nextUpgrade);
  expect(card.data.criteria).toBeUndefined();
  expect(card.text).toContain(risky.systemId);
  const full = await call(client, "get_scorecard", { systemId: risky.systemId, detail: "full" });
  const criteriaCount = axes.reduce((sum, axis) => sum + risky.axes[axis].criteria.length, 0);
  expect(full.data.criteria.length).toBe(criteriaCount);
  expect(full.data.risks.length).toBe(risky.risks.length);
  expect(JSON.stringify(full.data).length).toBeGreaterThan(JSON.stringify(card.data).length);
  const oneAxis = await call(client, "get_scorecard", {
    systemId: risky.systemId,
    detail: "full",
    axis: "evaluation",
  });
  expect(oneAxis.data.criteria.every((criterion: Json) => criterion.axis === "evaluation")).toBe(true);
  const typo = await call(client, "get_scorecard", { systemId: `${risky.systemId}-x` });
  expect(typo.isError).toBe(true);
  expect(typo.text).toContain(`no system "${risky.systemId}-x"`);
  expect(typo.text).toContain(`Did you mean "${risky.systemId}"`);
  expect(typo.text).toContain("find_systems");
  const badInput = await call(client, "get_scorecard", {});
  expect(badInput.isError).toBe(true);
  expect(badInput.text).toContain("systemId");

  // list_risks: highest first, as the portal ranks them, a page at a time; by team.
  const ranked = await rankedRisks(db, { limit: 1_000 });
  const risks = await call(client, "list_risks");
  expect(risks.isError, risks.text).toBe(false);
  expect(risks.data.total).toBe(ranked.length);
  expect(risks.data.risks.length).toBe(Math.min(20, ranked.length));
  expect(risks.data.risks[0].nextUpgrade).toBeUndefined();
  const riskPages = await allPages(client, "list_risks", "risks", {}, 4);
  expect(riskPages.items.map((risk: Json) => [risk.kind, risk.summary])).toEqual(
    ranked.map((risk) => [risk.kind, risk.summary]),
  );
  const team = risky.team;
  const teamRisks = await call(client, "list_risks", { team, detail: "full" });
  expect(teamRisks.data.scope).toBe(`team:${team}`);
  expect(teamRisks.data.total).toBe(ranked.filter((risk) => risk.team === team).length);
  expect(teamRisks.data.risks.every((risk: Json) => risk.team === team && risk.nextUpgrade)).toBe(true);
  const systemRisks = await call(client, "list_risks", { systemId: risky.systemId });
  expect(systemRisks.data.total).toBe(risky.risks.length);
  const noTeam = await call(client, "list_risks", { team: "no-such-team" });
  expect(noTeam.isError).toBe(true);
  expect(noTeam.text).toContain(`"${team}"`);

  // explain_criterion: the rubric's definition; on a system, its status and its events.
  const [axisOf, criterion] = axes
    .flatMap((axis) => risky.axes[axis].criteria.map((candidate) => [axis, candidate] as const))
    .find(([, candidate]) => candidate.evidence.length > 0)!;
  const explained = await call(client, "explain_criterion", {
    criterionId: criterion.id,
    systemId: risky.systemId,
  });
  expect(explained.isError, explained.text).toBe(false);
  expect(explained.data.criterion).toMatchObject({ id: criterion.id, axis: axisOf, level: criterion.level });
  expect(explained.data.criterion.regulations.length).toBeGreaterThan(0);
  expect(explained.data.criterion.rule).toContain("Met when the degree is at least");
  expect(explained.data.system).toMatchObject({ applies: true, status: criterion.status });
  expect(explained.data.system.evidence.map((event: Json) => event.id)).toEqual(
    criterion.evidence.slice(0, 5),
  );
  for (const event of explained.data.system.evidence) {
    expect(event.type).toMatch(/^[a-z]+\./);
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  }
  expect(explained.text).toContain(criterion.id);
  const definitionOnly = await call(client, "explain_criterion", {
    criterionId: criterion.id,
    detail: "full",
  });
  expect(definitionOnly.data.system).toBeNull();
  expect(definitionOnly.data.criterion.degreeRule).toBeTruthy();
  const unknownCriterion = await call(client, "explain_criterion", { criterionId: "evaluation.suite-ci" });
  expect(unknownCriterion.isError).toBe(true);
  expect(unknownCriterion.text).toContain("evaluation.l3.suite-in-ci");

  // compare_tracks: the stored rollups, the org's with each team's gap; a team's own.
  const rollups = await teamRollups(db);
  const org = rollups.find((row) => row.scope === "org")!;
  const tracks = await call(client, "compare_tracks");
  expect(tracks.isError, tracks.text).toBe(false);
  expect(tracks.data).toMatchObject({ scope: "org", systemCount: org.systemCount, gap: org.trackGap });
  expect(tracks.data.teamCount).toBe(rollups.length - 1);
  expect(tracks.data.trend.weeks).toBe(12);
  expect(tracks.data.risks.every((risk: Json) => risk.kind === "track_gap")).toBe(true);
  const teamTracks = await call(client, "compare_tracks", { team, trendWeeks: 0 });
  expect(teamTracks.data).toMatchObject({ scope: `team:${team}`, trend: null });
  expect(teamTracks.data.teams).toBeUndefined();
  expect(teamTracks.data.gap).toEqual(rollups.find((row) => row.scope === `team:${team}`)!.trackGap);
  const noTracks = await call(client, "compare_tracks", { team: "no-such-team" });
  expect(noTracks.isError).toBe(true);
  expect(noTracks.text).toContain('Leave "team" out');

  // score_history: every stored change, newest first, page by page; by axis.
  const history = await systemHistory(db, risky.systemId);
  const changes = await allPages(client, "score_history", "points", { systemId: risky.systemId }, 4);
  expect(changes.items.length).toBe(history.length);
  expect(changes.items.map((point: Json) => point.causeEventId)).toEqual(
    [...history]
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id)
      .map((point) => point.causeEventId),
  );
  const deployment = await call(client, "score_history", { systemId: risky.systemId, axis: "deployment" });
  expect(deployment.data.total).toBe(history.filter((point) => point.axis === "deployment").length);
  expect(deployment.data.axes.deployment.level).toBe(risky.axes.deployment.level);
  const noHistory = await call(client, "score_history", { systemId: "no-such-system" });
  expect(noHistory.isError).toBe(true);
  expect(noHistory.text).toContain("find_systems");
}
