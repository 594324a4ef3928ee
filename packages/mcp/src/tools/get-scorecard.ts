// get_scorecard: one system's stored report, summarised per axis, with its top risks and next
// upgrade; every criterion with its evidence on request.
import { currentReport } from "@maturity/db";
import type { Axis, AxisScore, SystemReport } from "@maturity/model";
import { axes, axisSchema, criterionStatusSchema, riskTierSchema, systemKindSchema } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import { nextUpgrade } from "@maturity/scoring";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { criterionDefinition } from "../criteria.ts";
import { unknownSystem } from "../not-found.ts";
import {
  evidenceIdsSchema,
  perAxis,
  riskLine,
  riskOutput,
  riskOutputSchema,
  systemPageUrl,
} from "../schemas.ts";
import type { Detail } from "../tool-kit.ts";
import { detailSchema, registerReadTool, round2 } from "../tool-kit.ts";

const systemIdSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('The system id, as find_systems lists it (e.g. "fraud-scoring").');

const input = z.object({
  systemId: systemIdSchema,
  axis: axisSchema.optional().describe('With detail "full": only this axis\'s criteria.'),
  detail: detailSchema,
});

const criterionOutput = z.object({
  id: z.string(),
  axis: axisSchema,
  level: z.int(),
  title: z.string(),
  status: criterionStatusSchema,
  degree: z.number().describe("How far it holds, 0–1"),
  evidenceCount: z.int(),
  evidence: evidenceIdsSchema,
  aheadOfFoundation: z.boolean().optional(),
});

const nullableNumber = z.number().nullable();

const output = z.object({
  systemId: z.string(),
  name: z.string(),
  team: z.string(),
  kind: systemKindSchema,
  riskTier: riskTierSchema,
  registered: z.boolean(),
  retired: z.boolean(),
  asOf: z.string().describe("When the report was computed"),
  rubricVersion: z.string().describe("The rubric (or policy) that computed it"),
  url: z.string().optional(),
  axes: perAxis(
    z.object({
      score: z.number(),
      level: z.int(),
      criteria: z.object({ met: z.int(), unmet: z.int(), noData: z.int(), waived: z.int() }),
      nextCriterion: criterionOutput
        .nullable()
        .describe("The first unmet criterion of the next level: what lifts this axis"),
    }),
  ),
  metrics: z.object({
    windowDays: z.number(),
    deploymentsPerWeek: nullableNumber,
    leadTimeHoursP50: nullableNumber,
    leadTimeHoursP90: nullableNumber,
    changeFailureRate: nullableNumber,
    timeToRecoveryHoursP50: nullableNumber,
    auditResponseHoursP50: nullableNumber,
    unattributedCostShare: nullableNumber,
    costUsdTotal: z.number(),
    costUsdByFeature: z
      .record(z.string(), z.number())
      .describe('The three costliest features (every feature with detail "full")'),
    bands: z
      .record(
        z.string(),
        z.object({ level: z.int().nullable(), label: z.string(), dora: z.string().nullable() }),
      )
      .describe("Where each metric sits among the levels (and DORA's clusters)"),
  }),
  riskCount: z.int(),
  risks: z.array(riskOutputSchema).describe('The top three risks (all with detail "full")'),
  nextUpgrade: z.object({
    forThisSystem: z.string().nullable().describe("The top risk's advice"),
    weakestAxis: axisSchema,
    step: z.string().describe("The step that lifts the weakest axis, with the criterion to meet first"),
  }),
  waivers: z.array(
    z.object({
      criterionId: z.string(),
      reason: z.string(),
      approver: z.string(),
      expiresAt: z.string(),
      eventId: z.string(),
    }),
  ),
  criteria: z.array(criterionOutput).optional().describe('Every criterion (detail "full")'),
});

type CriterionOutput = z.infer<typeof criterionOutput>;

/** Dollars to a hundredth of a cent: LLM calls cost fractions of one. */
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const roundOrNull = (value: number | null) => (value === null ? null : round2(value));

function criterionOf(
  axis: Axis,
  criterion: AxisScore["criteria"][number],
  rubric: Rubric,
  detail: Detail,
): CriterionOutput {
  return {
    id: criterion.id,
    axis,
    level: criterion.level,
    title: criterionDefinition(rubric, criterion.id)?.definition.title ?? criterion.id,
    status: criterion.status,
    degree: round2(criterion.degree),
    evidenceCount: criterion.evidenceCount,
    evidence: detail === "full" ? criterion.evidence : criterion.evidence.slice(0, 5),
    ...(criterion.aheadOfFoundation && { aheadOfFoundation: true }),
  };
}

/** Foundations first: the lowest level, then the lowest score, then the axes' order. */
function weakestAxis(report: SystemReport): Axis {
  return [...axes].sort(
    (a, b) =>
      report.axes[a].level - report.axes[b].level ||
      report.axes[a].score - report.axes[b].score ||
      axes.indexOf(a) - axes.indexOf(b),
  )[0]!;
}

export function registerGetScorecard(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    "get_scorecard",
    {
      title: "Get a system's scorecard",
      description:
        "One system's maturity scorecard as the platform last computed it: score and level per axis with its " +
        "criteria counts and the criterion that lifts it next, the operational metrics against their bands, the " +
        "top risks with the event ids behind them, waivers in force and the next upgrade to make. detail " +
        '"full" adds every criterion (status, degree, evidence ids) and every risk; explain_criterion explains one.',
      input,
      output,
    },
    async ({ systemId, axis, detail }) => {
      const [stored, rubric] = await Promise.all([
        currentReport(context.db, systemId),
        context.rubricInForce(),
      ]);
      if (stored === null) throw await unknownSystem(context.db, systemId);
      const { report } = stored;
      const axesOut = Object.fromEntries(
        axes.map((name) => {
          const score = report.axes[name];
          const count = (status: string) => score.criteria.filter((c) => c.status === status).length;
          const next = score.criteria.find((c) => c.level === score.level + 1 && !c.met);
          return [
            name,
            {
              score: round2(score.score),
              level: score.level,
              criteria: {
                met: count("met"),
                unmet: count("unmet"),
                noData: count("no_data"),
                waived: count("waived"),
              },
              nextCriterion: next === undefined ? null : criterionOf(name, next, rubric, "summary"),
            },
          ];
        }),
      ) as z.infer<typeof output>["axes"];
      const { metrics } = report;
      const costs = Object.entries(metrics.costUsdByFeature).sort(([, a], [, b]) => b - a);
      const weakest = weakestAxis(report);
      const risks = (detail === "full" ? report.risks : report.risks.slice(0, 3)).map((risk) =>
        riskOutput(risk, detail, { advice: true }),
      );
      const url = systemPageUrl(context.portalUrl, systemId);
      const data: z.infer<typeof output> = {
        systemId: report.systemId,
        name: report.name,
        team: report.team,
        kind: report.kind,
        riskTier: report.riskTier,
        registered: report.registered,
        retired: report.retired,
        asOf: stored.asOf,
        rubricVersion: stored.rubricVersion,
        ...(url !== undefined && { url }),
        axes: axesOut,
        metrics: {
          windowDays: metrics.windowDays,
          deploymentsPerWeek: roundOrNull(metrics.deploymentsPerWeek),
          leadTimeHoursP50: roundOrNull(metrics.leadTimeHours.p50),
          leadTimeHoursP90: roundOrNull(metrics.leadTimeHours.p90),
          changeFailureRate: roundOrNull(metrics.changeFailureRate),
          timeToRecoveryHoursP50: roundOrNull(metrics.timeToRecoveryHours.p50),
          auditResponseHoursP50: roundOrNull(metrics.auditResponseHours.p50),
          unattributedCostShare: roundOrNull(metrics.unattributedCostShare),
          costUsdTotal: round4(costs.reduce((sum, [, cost]) => sum + cost, 0)),
          costUsdByFeature: Object.fromEntries(
            (detail === "full" ? costs : costs.slice(0, 3)).map(([feature, cost]) => [feature, round4(cost)]),
          ),
          bands: metrics.bands,
        },
        riskCount: report.risks.length,
        risks,
        nextUpgrade: {
          forThisSystem: report.risks[0]?.nextUpgrade ?? null,
          weakestAxis: weakest,
          step: nextUpgrade(weakest, report.axes[weakest], rubric),
        },
        waivers: (report.waivers ?? []).map(({ criterionId, reason, approver, expiresAt, eventId }) => ({
          criterionId,
          reason,
          approver,
          expiresAt,
          eventId,
        })),
        ...(detail === "full" && {
          criteria: axes
            .filter((name) => axis === undefined || name === axis)
            .flatMap((name) =>
              report.axes[name].criteria.map((criterion) => criterionOf(name, criterion, rubric, "full")),
            ),
        }),
      };
      const text = [
        `${report.name} (${report.systemId}): team ${report.team}, ${report.kind}, ${report.riskTier} risk tier` +
          `${report.retired ? ", retired" : ""}; scored ${stored.asOf} under ${stored.rubricVersion}.`,
        `Levels: ${axes.map((name) => `${name} ${axesOut[name].level} (${axesOut[name].score.toFixed(2)})`).join(", ")}.`,
        ...risks.slice(0, 3).map((risk) => `Risk: ${riskLine(risk)}`),
        `Next upgrade: ${data.nextUpgrade.forThisSystem ?? data.nextUpgrade.step}`,
        `${report.risks.length} risk(s), ${data.waivers.length} waiver(s).` +
          (detail === "full"
            ? ""
            : ' detail "full" lists every criterion with its evidence; explain_criterion explains one.'),
      ].join("\n");
      return { data, text };
    },
  );
}
