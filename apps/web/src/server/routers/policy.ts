import { listSystems } from "@maturity/db";
import { policySubject } from "@maturity/model";
import type { ActivePolicy } from "@maturity/policy";
import { builtinPolicy, diffPolicy, formatPolicyErrors, readPolicyText } from "@maturity/policy";
import { activationEvent, previewStoredSystems } from "@maturity/worker";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { loadInForce } from "./policy-reads.ts";
import { diffView, errorRows, policyName, policyView } from "./policy-views.ts";

/** The most of a policy file the portal takes (characters); one event holds at most as many bytes. */
export const maxPolicyChars = 512 * 1024;
const portalSource = "urn:maturity:portal";
const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: "expected a SHA-256 in hex" });

const policyFile = z.object({
  /** The file's text, YAML or JSON, as uploaded or typed. */
  text: z.string().min(1).max(maxPolicyChars),
  /** Names the file in errors; YAML or JSON is told from the content. */
  fileName: z.string().min(1).max(200),
});

/** The activation of `policy` by `actor` after the one in force (as the worker builds it), or why there can be none. */
function activationOf(policy: ActivePolicy, actor: string, previousEventId: string | null) {
  try {
    const time = new Date().toISOString();
    return {
      ok: true as const,
      event: activationEvent(policy, { actor, time, previousEventId, source: portalSource }),
    };
  } catch (error) {
    return {
      ok: false as const,
      reason: (error as Error).message.replace(/^the policy cannot be activated: /, ""),
    };
  }
}

export const policyRouter = createTRPCRouter({
  /**
   * The policy every score is computed with now, criterion by criterion, with the activation that
   * put it in force (none for the built-in rubric) and what it changes of the built-in rubric.
   */
  inForce: viewerProcedure.query(async ({ ctx }) => {
    const { policy, stored } = await loadInForce(ctx.db);
    const builtin = builtinPolicy();
    const diff = diffPolicy(builtin, policy);
    return {
      ...policyView(policy, diff),
      activation:
        stored === null
          ? null
          : { eventId: stored.eventId, activatedAt: stored.activatedAt, actor: stored.actor },
      builtinVersion: builtin.rubricVersion,
      diff: diffView(diff),
    };
  }),

  /**
   * Reads an uploaded policy (admin only) and says what activating it would do, changing nothing:
   * every error with its line and column, or its diff against the policy in force and against the
   * built-in rubric, and every stored system scored under both, as of now (or `asOf`).
   */
  preview: adminProcedure
    .input(policyFile.extend({ asOf: z.iso.datetime({ offset: true }).optional() }))
    .mutation(async ({ ctx, input }) => {
      const read = readPolicyText(input.text, input.fileName);
      if (!read.ok) return { ok: false as const, errors: errorRows(read.errors) };
      const candidate = read.policy;
      const [{ policy: inForce, stored }, systems] = await Promise.all([
        loadInForce(ctx.db),
        listSystems(ctx.db),
      ]);
      const asOf = input.asOf === undefined ? Date.now() : Date.parse(input.asOf);
      const {
        preview,
        systems: scored,
        skipped,
      } = await previewStoredSystems(ctx.db, { from: inForce, to: candidate, asOf });
      const names = new Map(systems.map((system) => [system.systemId, system.name]));
      const titles = new Map(
        [...builtinPolicy().rubric.criteria, ...inForce.rubric.criteria, ...candidate.rubric.criteria].map(
          (criterion) => [criterion.id, criterion.title],
        ),
      );
      const event = activationOf(candidate, ctx.viewer.id, stored?.eventId ?? null);
      const sameAsInForce = candidate.contentHash === inForce.contentHash;
      return {
        ok: true as const,
        candidate: policyView(candidate, diffPolicy(builtinPolicy(), candidate)),
        inForce: policyName(inForce),
        fromInForce: diffView(diffPolicy(inForce, candidate)),
        fromBuiltin: diffView(diffPolicy(builtinPolicy(), candidate)),
        activatable: sameAsInForce
          ? { ok: false as const, reason: "it is the policy in force already" }
          : event.ok
            ? { ok: true as const }
            : { ok: false as const, reason: event.reason },
        systemsScored: scored,
        systemsSkipped: skipped,
        preview: {
          ...preview,
          changes: preview.changes.map((change) => ({ ...change, name: names.get(change.systemId) ?? null })),
          criteria: preview.criteria.map((row) => ({ ...row, title: titles.get(row.criterionId) ?? null })),
        },
      };
    }),

  /**
   * Puts a previewed policy in force (admin only): one policy.activated event naming the admin goes
   * on the log, and the worker that applies it re-scores every system under it. `contentHash` is
   * the one previewed: a file that now reads differently is refused, as is the policy in force
   * and, with `basedOn`, a preview made against a policy no longer in force.
   */
  activate: adminProcedure
    .input(policyFile.extend({ contentHash: contentHashSchema, basedOn: contentHashSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.appendToLog === undefined)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this process cannot write to the log" });
      const read = readPolicyText(input.text, input.fileName);
      if (!read.ok)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `the policy is refused:\n${formatPolicyErrors(read.errors)}`,
        });
      const candidate = read.policy;
      if (candidate.contentHash !== input.contentHash)
        throw new TRPCError({
          code: "CONFLICT",
          message: `the file is not the one previewed (it hashes to ${candidate.contentHash}): preview it again`,
        });
      const { policy: inForce, stored } = await loadInForce(ctx.db);
      if (candidate.contentHash === inForce.contentHash)
        throw new TRPCError({
          code: "CONFLICT",
          message: `${candidate.name} ${String(candidate.version)} is the policy in force already`,
        });
      if (input.basedOn !== undefined && input.basedOn !== inForce.contentHash)
        throw new TRPCError({
          code: "CONFLICT",
          message: `the policy in force changed since the preview (now ${inForce.name} ${String(inForce.version)}): preview it again`,
        });
      const event = activationOf(candidate, ctx.viewer.id, stored?.eventId ?? null);
      if (!event.ok)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `the policy cannot be activated: ${event.reason}`,
        });
      try {
        await ctx.appendToLog([{ key: policySubject, value: JSON.stringify(event.event) }]);
      } catch (error) {
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: `the event log did not take the activation, so nothing changed: ${(error as Error).message}`,
          cause: error,
        });
      }
      return {
        eventId: event.event.id,
        name: candidate.name,
        version: String(candidate.version),
        rubricVersion: candidate.rubricVersion,
        contentHash: candidate.contentHash,
      };
    }),
});
