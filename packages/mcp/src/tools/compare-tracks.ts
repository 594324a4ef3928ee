// compare_tracks: the gap between classical ML and LLM/agent operations, for a team or the
// organisation, now and how it moved; with the track-gap risks and the events behind them.
import { rankedRisks, teamRollups } from "@maturity/db";
import type { Axis, TrackGap, Tracks } from "@maturity/model";
import { axes, axisSchema } from "@maturity/model";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { unknownTeam } from "../not-found.ts";
import { trackGapSeries } from "../reads/track-series.ts";
import { perAxis, riskLine, riskOutput, riskOutputSchema } from "../schemas.ts";
import { detailSchema, registerReadTool, round2, ToolError } from "../tool-kit.ts";

const input = z.object({
  team: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("A team's name: its own systems; the whole organisation (with the gap per team) when absent."),
  trendWeeks: z
    .int()
    .min(0)
    .max(104)
    .default(12)
    .describe("Compare with the gap this many weeks ago (default 12; 0 leaves the trend out)."),
  detail: detailSchema,
});

const figures = perAxis(z.number().nullable());
const widest = z
  .object({ axis: axisSchema, gap: z.number() })
  .nullable()
  .describe("The axis where LLM/agent systems trail the most (null: no axis has both tracks)");

const output = z.object({
  scope: z.string().describe('"org" or "team:<name>"'),
  asOf: z.string().nullable(),
  systemCount: z.int(),
  tracks: z
    .object({ classical: figures, llm: figures, agent: figures })
    .describe("Median score per axis of each track's active systems (null: none)"),
  gap: figures.describe("Classical median − LLM/agent median per axis; positive: LLM operations lag"),
  widestGap: widest,
  trend: z
    .object({
      weeks: z.int(),
      since: z.string(),
      gapThen: figures,
      change: figures.describe("Gap now − gap then; negative: the gap is closing"),
      closing: z.boolean().nullable().describe("Whether the widest gap narrowed (null: not measurable)"),
    })
    .nullable(),
  teams: z
    .array(z.object({ team: z.string(), systemCount: z.int(), gap: figures, widestGap: widest }))
    .optional()
    .describe('Organisation only: each team\'s gap, widest first (the five widest; all with detail "full")'),
  teamCount: z.int().optional(),
  risks: z
    .array(riskOutputSchema)
    .describe("The track_gap risks of the scope, highest first, with the events behind them"),
});

type Output = z.infer<typeof output>;

function widestOf(gap: TrackGap): Output["widestGap"] {
  let found: { axis: Axis; gap: number } | null = null;
  for (const axis of axes) {
    const value = gap[axis];
    if (value !== null && (found === null || value > found.gap)) found = { axis, gap: value };
  }
  return found;
}

export function registerCompareTracks(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    "compare_tracks",
    {
      title: "Compare classical and LLM/agent tracks",
      description:
        "How far LLM and agent operations trail classical ML, per axis: each track's median score, the gap " +
        "(positive: LLM/agent systems lag), the widest gap, whether it is closing over the last weeks, and the " +
        "track-gap risks with the event ids behind them. For one team, or for the organisation with each team's gap.",
      input,
      output,
    },
    async ({ team, trendWeeks, detail }) => {
      const rollups = await teamRollups(context.db);
      const scope = team === undefined ? "org" : `team:${team}`;
      const rollup = rollups.find((row) => row.scope === scope);
      if (rollup === undefined) {
        if (team !== undefined) throw await unknownTeam(context.db, team);
        throw new ToolError(
          "the organisation has no rollup yet: no system has been scored. Send evidence to the platform and ask again.",
        );
      }
      const tracks = rollup.tracks as Tracks;
      const gap = rollup.trackGap as TrackGap;
      const widestGap = widestOf(gap);
      let trend: Output["trend"] = null;
      if (trendWeeks > 0) {
        const series = await trackGapSeries(context.db, { weeks: trendWeeks + 1, team });
        const then = series.points[0];
        if (then !== undefined) {
          const change = Object.fromEntries(
            axes.map((axis) => {
              const [now, before] = [gap[axis], then.gap[axis]];
              return [axis, now === null || before === null ? null : round2(now - before)];
            }),
          ) as Output["gap"];
          const widestChange = widestGap === null ? null : change[widestGap.axis];
          trend = {
            weeks: trendWeeks,
            since: then.at,
            gapThen: then.gap,
            change,
            closing: widestChange === null || widestChange === undefined ? null : widestChange < 0,
          };
        }
      }
      const teams =
        team === undefined
          ? rollups
              .filter((row) => row.team !== null)
              .map((row) => ({
                team: row.team!,
                systemCount: row.systemCount,
                gap: row.trackGap as TrackGap,
                widestGap: widestOf(row.trackGap as TrackGap),
              }))
              .sort(
                (a, b) =>
                  (b.widestGap?.gap ?? -Infinity) - (a.widestGap?.gap ?? -Infinity) ||
                  a.team.localeCompare(b.team),
              )
          : undefined;
      const risks = (
        await rankedRisks(context.db, { kind: "track_gap", ...(team !== undefined && { team }), limit: 100 })
      ).map((risk) => riskOutput(risk, detail, { advice: true }));
      const data: Output = {
        scope,
        asOf: rollup.asOf,
        systemCount: rollup.systemCount,
        tracks,
        gap,
        widestGap,
        trend,
        ...(teams !== undefined && {
          teams: detail === "full" ? teams : teams.slice(0, 5),
          teamCount: teams.length,
        }),
        risks: detail === "full" ? risks : risks.slice(0, 5),
      };
      const where = team === undefined ? "the organisation" : `team ${team}`;
      const lines = [
        `Classical vs LLM/agent in ${where} (${rollup.systemCount} active systems; positive gap: LLM/agent lag):`,
        axes
          .map(
            (axis) =>
              `${axis} ${tracks.classical[axis] ?? "–"} vs ${tracks.llm[axis] ?? "–"}/${tracks.agent[axis] ?? "–"} (llm/agent), gap ${gap[axis] ?? "–"}`,
          )
          .join("; "),
        widestGap === null
          ? "No axis has systems on both tracks: there is no gap to measure."
          : `Widest gap: ${widestGap.gap} on ${widestGap.axis}.`,
      ];
      if (trend !== null)
        lines.push(
          `Over ${trend.weeks} weeks (since ${trend.since}): ${axes.map((axis) => `${axis} ${trend.change[axis] ?? "–"}`).join(", ")}` +
            (trend.closing === null
              ? "."
              : trend.closing
                ? " — the widest gap is closing."
                : " — the widest gap is not closing."),
        );
      if (teams !== undefined && teams.length > 0)
        lines.push(
          `Widest team gaps: ${teams
            .slice(0, 5)
            .map(
              (row) =>
                `${row.team} ${row.widestGap === null ? "–" : `${row.widestGap.gap} on ${row.widestGap.axis}`}`,
            )
            .join(", ")}.`,
        );
      lines.push(...data.risks.map((risk) => `Risk: ${riskLine(risk)}`));
      return { data, text: lines.join("\n") };
    },
  );
}
