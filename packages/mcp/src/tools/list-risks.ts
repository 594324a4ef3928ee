// list_risks: the ranked risks of the organisation, a team or a system, a page at a time.
import { countRisks, rankedRiskRows } from "@maturity/db";
import { riskKindSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { unknownSystem, unknownTeam } from "../not-found.ts";
import { systemHeader, teamNames } from "../reads/systems.ts";
import { riskLine, riskOutput, riskOutputSchema } from "../schemas.ts";
import { cursorSchema, detailSchema, limitSchema, nextCursorSchema, registerReadTool } from "../tool-kit.ts";

const name = "list_risks";

const input = z.object({
  team: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Only this team's risks; the whole organisation when absent."),
  systemId: z.string().min(1).max(200).optional().describe("Only this system's risks."),
  kind: riskKindSchema
    .optional()
    .describe(
      "Only this kind: axis_mismatch (one axis far ahead of another), track_gap (a team's LLM/agent systems " +
        "trailing its classical ones), ahead_of_foundation, stale_evidence, metric_breach.",
    ),
  systemKind: systemKindSchema.optional().describe("Only risks of classical, LLM or agent systems."),
  riskTier: riskTierSchema.optional().describe("Only risks of systems of this risk tier."),
  limit: limitSchema(),
  cursor: cursorSchema,
  detail: detailSchema,
});

const output = z.object({
  scope: z.string().describe('"org", "team:<name>" or "system:<id>"'),
  total: z.int().describe("Risks matching the filters, all pages together."),
  risks: z.array(riskOutputSchema).describe("Highest rank first"),
  nextCursor: nextCursorSchema,
});

const positionSchema = z.object({ rank: z.number(), riskKey: z.string() });

export function registerListRisks(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    name,
    {
      title: "List risks",
      description:
        "The ranked risks most likely to cause the next incident — mismatches between axes (say, deployment far " +
        "ahead of evaluation), team-level gaps between LLM/agent and classical systems, metrics out of band, " +
        "evidence gone stale — for the organisation, a team or one system, highest first, each with the event ids " +
        'behind it. Paged (pass nextCursor back); detail "full" adds each risk\'s next upgrade and every event id.',
      input,
      output,
    },
    async ({ limit, cursor, detail, ...filter }) => {
      const after = cursor === undefined ? undefined : decodeCursor(name, filter, cursor, positionSchema);
      const [rows, total] = await Promise.all([
        rankedRiskRows(context.db, { ...filter, limit: limit + 1, ...(after !== undefined && { after }) }),
        countRisks(context.db, filter),
      ]);
      if (total === 0) {
        if (filter.systemId !== undefined && (await systemHeader(context.db, filter.systemId)) === null)
          throw await unknownSystem(context.db, filter.systemId);
        if (filter.team !== undefined && !(await teamNames(context.db)).includes(filter.team))
          throw await unknownTeam(context.db, filter.team);
      }
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > limit && last !== undefined ? encodeCursor(name, filter, last.position) : null;
      const risks = page.map((row) => riskOutput(row.risk, detail));
      const scope =
        filter.systemId !== undefined
          ? `system:${filter.systemId}`
          : filter.team !== undefined
            ? `team:${filter.team}`
            : "org";
      const text =
        total === 0
          ? `No risk matches these filters in ${scope}. Leave out kind, systemKind or riskTier to see more.`
          : [
              `${total} risk(s) in ${scope}, highest first; showing ${risks.length}.`,
              ...risks.map((risk) => `- ${riskLine(risk)}`),
              nextCursor === null
                ? ""
                : "More: call list_risks again with the same filters and cursor = nextCursor.",
            ]
              .filter((line) => line !== "")
              .join("\n");
      return { data: { scope, total, risks, nextCursor }, text };
    },
  );
}
