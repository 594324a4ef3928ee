// score_history: how a system's axis scores moved, newest change first, each with its cause and
// the event behind it.
import { systemHistory } from "@maturity/db";
import type { HistoryPoint } from "@maturity/db";
import { axes, axisSchema } from "@maturity/model";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { unknownSystem } from "../not-found.ts";
import { systemHeader } from "../reads/systems.ts";
import { perAxis } from "../schemas.ts";
import {
  cursorSchema,
  detailSchema,
  limitSchema,
  nextCursorSchema,
  registerReadTool,
  round2,
} from "../tool-kit.ts";

const name = "score_history";

const input = z.object({
  systemId: z.string().min(1).max(200).describe("The system id, as find_systems lists it."),
  axis: axisSchema.optional().describe("Only this axis's changes."),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only changes at or after this time (RFC 3339, e.g. "2026-09-01T00:00:00Z").'),
  limit: limitSchema(200),
  cursor: cursorSchema,
  detail: detailSchema,
});

const output = z.object({
  systemId: z.string(),
  name: z.string(),
  total: z.int().describe("Changes matching the filters, all pages together."),
  axes: perAxis(
    z
      .object({
        score: z.number().describe("The latest score"),
        level: z.int(),
        scoreAtStart: z.number().nullable().describe("The score before the first change in the selection"),
        changes: z.int(),
      })
      .nullable(),
  ).describe("Per axis over the selected period (null: no change in it)"),
  points: z
    .array(
      z.object({
        at: z.string(),
        axis: axisSchema,
        score: z.number(),
        level: z.int(),
        previousScore: z.number().nullable(),
        cause: z
          .string()
          .describe("event (new evidence), window (evidence aged out), policy (new rules), waiver-expired"),
        causeEventId: z
          .string()
          .nullable()
          .describe("The event behind the change (null when the window moved)"),
        rubricVersion: z
          .string()
          .optional()
          .describe('The rubric or policy that computed it (detail "full")'),
      }),
    )
    .describe("Newest first"),
  nextCursor: nextCursorSchema,
});

const positionSchema = z.object({ at: z.string(), id: z.number() });

/** Newest first: by time, then by the order the worker wrote them. */
const newestFirst = (a: HistoryPoint, b: HistoryPoint) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id;

export function registerScoreHistory(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    name,
    {
      title: "Score history of a system",
      description:
        "How one system's axis scores changed over time, newest first: each change with its new score and level, " +
        "the score before, why (new evidence, evidence ageing out of the window, a policy change, a waiver " +
        "expiring) and the id of the event that caused it. Filter by axis or start time; paged (pass nextCursor back).",
      input,
      output,
    },
    async ({ systemId, axis, since, limit, cursor, detail }) => {
      const filter = { systemId, axis, since };
      const after = cursor === undefined ? undefined : decodeCursor(name, filter, cursor, positionSchema);
      const header = await systemHeader(context.db, systemId);
      if (header === null) throw await unknownSystem(context.db, systemId);
      const history = await systemHistory(context.db, systemId);
      const selected = history
        .filter((point) => axis === undefined || point.axis === axis)
        .filter((point) => since === undefined || Date.parse(point.at) >= Date.parse(since))
        .sort(newestFirst);
      const rest =
        after === undefined
          ? selected
          : selected.filter((point) => newestFirst(point, { ...point, at: after.at, id: after.id }) > 0);
      const page = rest.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        rest.length > limit && last !== undefined
          ? encodeCursor(name, filter, { at: last.at, id: last.id })
          : null;
      const perAxisSummary = Object.fromEntries(
        axes.map((name) => {
          const changes = selected.filter((point) => point.axis === name);
          const newest = changes[0];
          const oldest = changes.at(-1);
          return [
            name,
            newest === undefined || oldest === undefined
              ? null
              : {
                  score: round2(newest.score),
                  level: newest.level,
                  scoreAtStart: oldest.previousScore === null ? null : round2(oldest.previousScore),
                  changes: changes.length,
                },
          ];
        }),
      ) as z.infer<typeof output>["axes"];
      const points = page.map((point) => ({
        at: point.at,
        axis: axisSchema.parse(point.axis),
        score: round2(point.score),
        level: point.level,
        previousScore: point.previousScore === null ? null : round2(point.previousScore),
        cause: point.cause,
        causeEventId: point.causeEventId,
        ...(detail === "full" && { rubricVersion: point.rubricVersion }),
      }));
      const text =
        selected.length === 0
          ? `No score change of ${systemId}${axis === undefined ? "" : ` on ${axis}`}${since === undefined ? "" : ` since ${since}`}.`
          : [
              `${selected.length} score change(s) of ${header.name} (${systemId}); showing ${points.length}, newest first.`,
              ...axes
                .filter((name) => perAxisSummary[name] !== null)
                .map((name) => {
                  const summary = perAxisSummary[name]!;
                  return `${name}: now ${summary.score} (level ${summary.level}), from ${summary.scoreAtStart ?? "none"} over ${summary.changes} change(s)`;
                }),
              ...points
                .slice(0, 10)
                .map(
                  (point) =>
                    `- ${point.at} ${point.axis} ${point.previousScore ?? "–"} → ${point.score} (${point.cause}${point.causeEventId ? `, event ${point.causeEventId}` : ""})`,
                ),
              nextCursor === null
                ? ""
                : "More: call score_history again with the same filters and cursor = nextCursor.",
            ]
              .filter((line) => line !== "")
              .join("\n");
      return {
        data: {
          systemId,
          name: header.name,
          total: selected.length,
          axes: perAxisSummary,
          points,
          nextCursor,
        },
        text,
      };
    },
  );
}
