import { currentReport, evidencePayloads, systemHistory } from "@maturity/db";
import type { SystemReport } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import { rubric as builtinRubric } from "@maturity/model/rubric";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { policyInForceNow } from "./policy-reads.ts";
import { reportAsOf } from "./report-reads.ts";

const systemIdSchema = z.string().min(1).max(200);

/**
 * What each of the report's criteria checks, how to meet it and the regulation clauses it
 * supports, from the rubric that scored it (the policy's; the built-in rubric's for a criterion
 * it lacks), so the page needs no second request.
 */
function criteriaGuide(report: SystemReport, rubric: Rubric) {
  const ids = new Set(
    Object.values(report.axes).flatMap((axis) => axis.criteria.map((criterion) => criterion.id)),
  );
  const own = new Set(rubric.criteria.map((criterion) => criterion.id));
  return Object.fromEntries(
    [...rubric.criteria, ...builtinRubric.criteria.filter((criterion) => !own.has(criterion.id))]
      .filter((criterion) => ids.has(criterion.id))
      .map((criterion) => [
        criterion.id,
        {
          title: criterion.title,
          explanation: criterion.explanation,
          evidenceKind: criterion.evidence,
          threshold: criterion.threshold,
          regulations: criterion.regulations,
        },
      ]),
  );
}

export const systemRouter = createTRPCRouter({
  /**
   * A system's full report — criteria with status, degree and evidence ids, metrics with bands,
   * risks, waivers with the next upgrade — and its score history, each point with the rubric (or
   * policy) version that computed it and its cause. With `asOf`, the report is computed anew with
   * packages/scoring from the stored events up to that time, under the policy in force then.
   */
  report: viewerProcedure
    .input(z.object({ systemId: systemIdSchema, asOf: z.iso.datetime({ offset: true }).optional() }))
    .query(async ({ ctx, input }) => {
      const history = await systemHistory(ctx.db, input.systemId);
      if (input.asOf === undefined) {
        const [current, policy] = await Promise.all([
          currentReport(ctx.db, input.systemId),
          policyInForceNow(ctx.db),
        ]);
        if (current === null)
          throw new TRPCError({ code: "NOT_FOUND", message: `no system "${input.systemId}"` });
        return {
          ...current,
          pointInTime: false,
          history,
          // The stored report's: the policy in force may be newer while the worker re-scores.
          rubricVersion: current.rubricVersion,
          guide: criteriaGuide(current.report, policy.rubric),
        };
      }
      const { report, rubric } = await reportAsOf(ctx.db, input.systemId, input.asOf);
      return {
        report,
        asOf: new Date(input.asOf).toISOString(),
        pointInTime: true,
        history: history.filter((row) => Date.parse(row.at) <= Date.parse(input.asOf!)),
        rubricVersion: rubric.version,
        guide: criteriaGuide(report, rubric),
      };
    }),

  /**
   * The stored events behind one criterion of a system's report, newest first: the current one, or
   * with `asOf` the report as it was then (the evidence that counted on that date).
   */
  evidence: viewerProcedure
    .input(
      z.object({
        systemId: systemIdSchema,
        criterionId: z.string().min(1),
        asOf: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const report =
        input.asOf === undefined
          ? (await currentReport(ctx.db, input.systemId))?.report
          : (await reportAsOf(ctx.db, input.systemId, input.asOf)).report;
      const criterion = report
        ? Object.values(report.axes)
            .flatMap((axis) => axis.criteria)
            .find((candidate) => candidate.id === input.criterionId)
        : undefined;
      if (criterion === undefined) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `no criterion "${input.criterionId}" on "${input.systemId}"`,
        });
      }
      return evidencePayloads(ctx.db, input.systemId, criterion.evidence);
    }),
});
