// find_systems: which systems there are, filtered, a page at a time, with each axis's level.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { axes, axisSchema, levelSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { countSystems, findSystems } from "../reads/systems.ts";
import { perAxis, riskLine, riskOutput, riskOutputSchema, systemPageUrl } from "../schemas.ts";
import {
  cursorSchema,
  detailSchema,
  limitSchema,
  nextCursorSchema,
  registerReadTool,
  round2,
} from "../tool-kit.ts";

const name = "find_systems";

const input = z.object({
  query: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Part of a system id or name, case-insensitive (e.g. "fraud").'),
  team: z.string().min(1).max(200).optional().describe("Only this team's systems (exact name)."),
  kind: systemKindSchema.optional().describe("Only classical ML, LLM or agent systems."),
  riskTier: riskTierSchema.optional().describe("Only systems of this risk tier."),
  axis: axisSchema
    .optional()
    .describe("The axis minLevel/maxLevel compare; without it they compare each system's lowest level."),
  minLevel: levelSchema
    .optional()
    .describe("Only systems at this level or above (on `axis`, else on every axis)."),
  maxLevel: levelSchema
    .optional()
    .describe("Only systems at this level or below (on `axis`, else on their weakest axis)."),
  includeRetired: z.boolean().default(false).describe("Include retired systems (left out by default)."),
  limit: limitSchema(),
  cursor: cursorSchema,
  detail: detailSchema,
});

const output = z.object({
  total: z.int().describe("Systems matching the filters, all pages together."),
  systems: z.array(
    z.object({
      systemId: z.string(),
      name: z.string(),
      team: z.string(),
      kind: systemKindSchema,
      riskTier: riskTierSchema,
      retired: z.boolean(),
      levels: perAxis(z.int()).describe("Level 1–5 per axis"),
      lowestLevel: z.int().describe("The weakest axis's level: where the next level has to start"),
      riskCount: z.int(),
      scores: perAxis(z.number()).optional().describe('Score 1.00–5.00 per axis (detail "full")'),
      asOf: z.string().optional().describe('When the report was computed (detail "full")'),
      topRisk: riskOutputSchema.nullable().optional().describe('The highest-ranked risk (detail "full")'),
      url: z.string().optional().describe("The system's page in the portal"),
    }),
  ),
  nextCursor: nextCursorSchema,
});

export function registerFindSystems(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    name,
    {
      title: "Find systems",
      description:
        "Lists the ML, LLM and agent systems the platform scores, with each one's maturity level (1–5) on the five " +
        "axes (reproducibility, evaluation, deployment, observability, governance) and how many risks it has. " +
        "Filter by name, team, kind, risk tier or level; paged (pass nextCursor back). Use get_scorecard on a " +
        "systemId for its criteria, metrics, risks and next upgrade.",
      input,
      output,
    },
    async ({ limit, cursor, detail, ...filter }) => {
      const after =
        cursor === undefined
          ? undefined
          : decodeCursor(name, filter, cursor, z.object({ id: z.string() })).id;
      const [found, total] = await Promise.all([
        findSystems(context.db, filter, { after, limit: limit + 1 }),
        countSystems(context.db, filter),
      ]);
      const page = found.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        found.length > limit && last !== undefined ? encodeCursor(name, filter, { id: last.systemId }) : null;
      const systems = page.map((system) => {
        const url = systemPageUrl(context.portalUrl, system.systemId);
        return {
          systemId: system.systemId,
          name: system.name,
          team: system.team,
          kind: system.kind,
          riskTier: system.riskTier,
          retired: system.retired,
          levels: Object.fromEntries(axes.map((axis) => [axis, system.axes[axis]?.level ?? 1])) as Record<
            (typeof axes)[number],
            number
          >,
          lowestLevel: Math.min(...axes.map((axis) => system.axes[axis]?.level ?? 1)),
          riskCount: system.riskCount,
          ...(detail === "full" && {
            scores: Object.fromEntries(
              axes.map((axis) => [axis, round2(system.axes[axis]?.score ?? 1)]),
            ) as Record<(typeof axes)[number], number>,
            asOf: system.asOf,
            topRisk: system.topRisk === null ? null : riskOutput(system.topRisk, "summary"),
          }),
          ...(url !== undefined && { url }),
        };
      });
      const lines = systems.map(
        (system) =>
          `- ${system.systemId} "${system.name}" (${system.team}, ${system.kind}, ${system.riskTier} risk${system.retired ? ", retired" : ""}): ` +
          `levels ${axes.map((axis) => `${axis} ${system.levels[axis]}`).join(", ")}; ${system.riskCount} risk(s)` +
          (system.topRisk ? `; top: ${riskLine(system.topRisk)}` : ""),
      );
      const text =
        total === 0
          ? "No system matches these filters. Loosen them (leave out team, kind, level or query) and ask again."
          : [
              `${total} system(s) match; showing ${systems.length}.`,
              ...lines,
              nextCursor === null
                ? ""
                : "More: call find_systems again with the same filters and cursor = nextCursor.",
            ]
              .filter((line) => line !== "")
              .join("\n");
      return { data: { total, systems, nextCursor }, text };
    },
  );
}
