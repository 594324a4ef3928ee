import { clauseIndex } from "@maturity/audit";
import { latestReportTime } from "@maturity/db";
import { systemIdentity } from "@maturity/model";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { keyFingerprint, packToHash } from "../audit-pack/build-pack.ts";
import { auditDeliveredEvent, docsGeneratedEvent } from "../audit-pack/pack-events.ts";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { auditRequests, coverageByTier, evidenceEvents } from "./compliance-reads.ts";
import { coverageTable, rubricClauses, shownEvidenceIds, systemClauses } from "./compliance-views.ts";
import { policyInForceNow } from "./policy-reads.ts";
import { reportAt } from "./report-reads.ts";

const systemIdSchema = z.string().min(1).max(200);
const auditIdSchema = z.string().min(1).max(200);

export const complianceRouter = createTRPCRouter({
  /**
   * One system's regulation view: for each framework, each clause its rubric's criteria cite, the
   * criteria with their status and the newest events behind each (type and time), and whether the
   * clause is supported. The stored report under the policy in force, or with `asOf` the report
   * recomputed as it was then under the policy in force then.
   */
  system: viewerProcedure
    .input(z.object({ systemId: systemIdSchema, asOf: z.iso.datetime({ offset: true }).optional() }))
    .query(async ({ ctx, input }) => {
      const scored = await reportAt(ctx.db, input.systemId, input.asOf);
      const { report, rubric } = scored;
      const clauses = clauseIndex(report, rubric);
      const events = await evidenceEvents(ctx.db, input.systemId, shownEvidenceIds(clauses));
      return {
        system: systemIdentity(report),
        asOf: scored.asOf,
        pointInTime: scored.pointInTime,
        rubricVersion: scored.rubricVersion,
        /** The key a pack downloaded now is signed with (MATURITY_SIGNING_KEY); null: unsigned. */
        packSigningKey: ctx.signingKey === undefined ? null : { fingerprint: keyFingerprint(ctx.signingKey) },
        clauses: systemClauses(report, clauses, events),
      };
    }),

  /**
   * The organisation's clause coverage: per framework and clause, per risk tier, how many active
   * systems have the clause supported, partly evidenced, with nothing, or no criterion of it that
   * applies; from the stored reports under the policy in force.
   */
  org: viewerProcedure.query(async ({ ctx }) => {
    const load = async () => {
      const [policy, asOf] = await Promise.all([policyInForceNow(ctx.db), latestReportTime(ctx.db)]);
      const clauses = rubricClauses(policy.rubric);
      const coverage = await coverageByTier(
        ctx.db,
        clauses.map((clause) => ({ criteria: clause.criteria.map((c) => c.criterionId) })),
      );
      return { asOf, rubricVersion: policy.rubric.version, ...coverageTable(clauses, coverage) };
    };
    // The same for everyone until the next score change.
    return ctx.readCache === undefined ? load() : ctx.readCache.get("compliance:org", load);
  }),

  /** The system's audit requests (gov.audit.requested) with no delivery of the same audit id yet. */
  openAuditRequests: viewerProcedure
    .input(z.object({ systemId: systemIdSchema }))
    .query(async ({ ctx, input }) =>
      (await auditRequests(ctx.db, input.systemId))
        .filter((request) => request.delivery === null)
        .map(({ delivery: _delivery, ...request }) => request),
    ),

  /**
   * Delivers the system's audit pack against an open audit request (admin only): the pack is built
   * as of now, and gov.docs.generated and gov.audit.delivered go on the log, both with the pack's
   * manifest hash and the admin. The worker that applies the delivery closes the request, and the
   * system's audit response time is then measured from the two events.
   */
  deliver: adminProcedure
    .input(z.object({ systemId: systemIdSchema, auditId: auditIdSchema }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.appendToLog === undefined)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this process cannot write to the log" });
      const request = (await auditRequests(ctx.db, input.systemId)).find((r) => r.auditId === input.auditId);
      if (request === undefined)
        throw new TRPCError({
          code: "NOT_FOUND",
          message: `no audit request "${input.auditId}" for "${input.systemId}": only a requested audit (gov.audit.requested) can be delivered`,
        });
      if (request.delivery !== null)
        throw new TRPCError({
          code: "CONFLICT",
          message: `audit "${input.auditId}" was delivered already, at ${request.delivery.at}`,
        });
      const asOf = new Date().toISOString();
      const pack = await packToHash(ctx.db, {
        systemId: input.systemId,
        asOf,
        ...(ctx.signingKey !== undefined && { signingKey: ctx.signingKey }),
      });
      const actor = ctx.viewer.id;
      const generated = docsGeneratedEvent({ systemId: input.systemId, asOf, actor, pack });
      const delivered = auditDeliveredEvent({
        systemId: input.systemId,
        auditId: input.auditId,
        asOf,
        actor,
        pack,
      });
      try {
        await ctx.appendToLog(
          [generated, delivered].map((event) => ({ key: input.systemId, value: JSON.stringify(event) })),
        );
      } catch (error) {
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: `the event log did not take the delivery, so nothing changed: ${(error as Error).message}`,
          cause: error,
        });
      }
      return {
        eventId: delivered.id,
        auditId: input.auditId,
        asOf,
        manifestSha256: pack.manifestSha256,
        signed: pack.fingerprint !== undefined,
      };
    }),
});
