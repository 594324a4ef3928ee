// explain_criterion: what a criterion checks, its rule and threshold, the regulation clauses it
// supports, how to meet it, and (for a system) how it stands there with the events behind it.
import { currentReport, evidenceEvents } from "@maturity/db";
import { axes, axisSchema, criterionStatusSchema, systemKindSchema } from "@maturity/model";
import { defaultWindowDays } from "@maturity/scoring";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ToolContext } from "../context.ts";
import { criterionDefinition, similarCriterionIds } from "../criteria.ts";
import { unknownSystem } from "../not-found.ts";
import { ruleText } from "../rule-text.ts";
import { systemPageUrl } from "../schemas.ts";
import { detailSchema, listing, registerReadTool, round2, ToolError } from "../tool-kit.ts";

const input = z.object({
  criterionId: z
    .string()
    .min(1)
    .max(200)
    .describe(
      'The criterion id, "<axis>.l<level>.<slug>" (e.g. "evaluation.l3.suite-in-ci"), as get_scorecard lists them.',
    ),
  systemId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("A system id: adds how the criterion stands on that system and the events behind it."),
  detail: detailSchema,
});

const output = z.object({
  criterion: z.object({
    id: z.string(),
    axis: axisSchema,
    level: z.int(),
    title: z.string(),
    howToMeet: z.string().describe("What it checks and how to meet it"),
    rule: z.string().describe("The degree rule in words, with the threshold"),
    threshold: z.number(),
    windowDays: z.number().describe("The evidence window"),
    evidenceKind: z
      .enum(["state", "activity"])
      .describe("state: holds until replaced; activity: counts only inside the window"),
    appliesTo: z.array(systemKindSchema),
    riskTiers: z.array(z.string()).nullable().describe("Only systems of these risk tiers (null: every tier)"),
    teams: z.array(z.string()).nullable().describe("Only these teams' systems (null: every team)"),
    regulations: z.array(z.object({ framework: z.string(), clause: z.string() })),
    rubricVersion: z.string().describe("The rubric (or policy) in force that defines it"),
    fromRubricInForce: z
      .boolean()
      .describe("false: the policy in force dropped it and this is the built-in rubric's definition"),
    degreeRule: z.unknown().optional().describe('The rule as data (detail "full")'),
  }),
  system: z
    .object({
      systemId: z.string(),
      name: z.string(),
      applies: z.boolean().describe("false: the criterion is not part of this system's scorecard"),
      status: criterionStatusSchema.nullable(),
      degree: z.number().nullable(),
      aheadOfFoundation: z.boolean(),
      evidenceCount: z.int(),
      evidence: z
        .array(z.object({ id: z.string(), type: z.string().nullable(), time: z.string().nullable() }))
        .describe("The stored events the degree was computed from, newest first"),
      waiver: z
        .object({
          reason: z.string(),
          approver: z.string(),
          expiresAt: z.string(),
          eventId: z.string(),
        })
        .nullable(),
      note: z.string(),
      url: z.string().optional(),
    })
    .nullable(),
});

type Output = z.infer<typeof output>;

export function registerExplainCriterion(server: McpServer, context: ToolContext): void {
  registerReadTool(
    server,
    "explain_criterion",
    {
      title: "Explain a criterion",
      description:
        "Explains one maturity criterion of the rubric in force: what it checks and how to meet it, its rule and " +
        "threshold, its evidence window, the systems it applies to and the regulation clauses it supports " +
        "(EU AI Act, NIST AI RMF, ISO/IEC 42001). With a systemId, also how it stands on that system (status, " +
        "degree, waiver) and the stored events behind it (id, type, time).",
      input,
      output,
    },
    async ({ criterionId, systemId, detail }) => {
      const rubric = await context.rubricInForce();
      const found = criterionDefinition(rubric, criterionId);
      if (found === undefined) {
        const similar = similarCriterionIds(rubric, criterionId);
        throw new ToolError(
          `no criterion "${criterionId}" in the rubric in force (${rubric.version}). Ids read "<axis>.l<level>.<slug>"` +
            (similar.length > 0 ? `; the closest are ${listing(similar.map((id) => `"${id}"`))}` : "") +
            '. get_scorecard with detail "full" lists a system\'s criteria with their ids.',
        );
      }
      const { definition } = found;
      const criterion: Output["criterion"] = {
        id: definition.id,
        axis: definition.axis,
        level: definition.level,
        title: definition.title,
        howToMeet: definition.explanation,
        rule: ruleText(definition.degree, definition.threshold),
        threshold: definition.threshold,
        windowDays: definition.windowDays ?? defaultWindowDays,
        evidenceKind: definition.evidence,
        appliesTo: definition.appliesTo,
        riskTiers: definition.riskTiers ?? null,
        teams: definition.teams ?? null,
        regulations: definition.regulations,
        rubricVersion: found.fromRubricInForce ? rubric.version : `builtin (not in ${rubric.version})`,
        fromRubricInForce: found.fromRubricInForce,
        ...(detail === "full" && { degreeRule: definition.degree }),
      };
      let system: Output["system"] = null;
      if (systemId !== undefined) {
        const stored = await currentReport(context.db, systemId);
        if (stored === null) throw await unknownSystem(context.db, systemId);
        const { report } = stored;
        const result = axes
          .flatMap((axis) => report.axes[axis].criteria)
          .find((candidate) => candidate.id === definition.id);
        const waiver = report.waivers?.find((candidate) => candidate.criterionId === definition.id);
        const ids =
          result === undefined ? [] : detail === "full" ? result.evidence : result.evidence.slice(0, 5);
        const events = await evidenceEvents(context.db, systemId, ids);
        const url = systemPageUrl(context.portalUrl, systemId);
        system = {
          systemId,
          name: report.name,
          applies: result !== undefined,
          status: result?.status ?? null,
          degree: result === undefined ? null : round2(result.degree),
          aheadOfFoundation: result?.aheadOfFoundation ?? false,
          evidenceCount: result?.evidenceCount ?? 0,
          evidence: ids.map((id) => ({
            id,
            type: events.get(id)?.type ?? null,
            time: events.get(id)?.time ?? null,
          })),
          waiver:
            waiver === undefined
              ? null
              : {
                  reason: waiver.reason,
                  approver: waiver.approver,
                  expiresAt: waiver.expiresAt,
                  eventId: waiver.eventId,
                },
          note:
            result === undefined
              ? `does not apply to ${systemId} (a ${report.kind} system of team ${report.team}, ${report.riskTier} risk tier): ` +
                `it applies to ${definition.appliesTo.join("/")} systems` +
                (definition.riskTiers ? ` of the ${definition.riskTiers.join("/")} risk tiers` : "") +
                (definition.teams ? ` of teams ${definition.teams.join(", ")}` : "") +
                "."
              : result.status === "no_data"
                ? "no evidence was observed in the window: neither a pass nor a failure; send the evidence the rule counts."
                : result.status === "waived"
                  ? "a waiver in force lets it count as met until it expires."
                  : result.met
                    ? `met (degree ${round2(result.degree)} ≥ ${definition.threshold})` +
                      (result.aheadOfFoundation
                        ? ", but ahead of its foundation: no credit until the lower levels are met."
                        : ".")
                    : `unmet (degree ${round2(result.degree)} < ${definition.threshold}): ${definition.explanation}`,
          ...(url !== undefined && { url }),
        };
      }
      const lines = [
        `${criterion.id} — ${criterion.title} (${criterion.axis}, level ${criterion.level}; ${criterion.evidenceKind} evidence, ${criterion.windowDays}-day window).`,
        criterion.rule,
        `How to meet it: ${criterion.howToMeet}`,
        `Clauses: ${criterion.regulations.map((clause) => `${clause.framework} ${clause.clause}`).join("; ")}.`,
      ];
      if (system !== null) {
        lines.push(
          `On ${system.systemId}: ${system.note}` +
            (system.evidence.length > 0
              ? ` Evidence (${system.evidenceCount}): ${system.evidence.map((event) => `${event.id}${event.type ? ` ${event.type}` : ""}`).join(", ")}.`
              : ""),
        );
      }
      return { data: { criterion, system }, text: lines.join("\n") };
    },
  );
}
