// Campaigns: targets with deadlines over a scope of systems. Anyone signed in reads them and their
// progress (as of now or any date); admins define, change and close them, each an event naming the
// admin (campaign.defined, campaign.closed) that the worker applies.
import { listCampaigns, loadCampaign } from "@maturity/db";
import { campaignSchema, campaignsSubject } from "@maturity/model";
import { formatPath, parseSource, readableIssues } from "@maturity/policy";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc.ts";
import { adminEvent, appendAdminEvent } from "./admin-event.ts";
import { campaignProgress } from "./campaign-reads.ts";

/** The most of a campaign file the portal takes (characters). */
export const maxCampaignChars = 64 * 1024;

const asOfInput = z.iso.datetime({ offset: true }).optional();
const campaignIdInput = z.string().min(1).max(100);

export const campaignsRouter = createTRPCRouter({
  /** Every campaign, open ones first, each with its progress as of now (or `asOf`). */
  list: viewerProcedure.input(z.object({ asOf: asOfInput }).optional()).query(async ({ ctx, input }) => {
    const asOf = input?.asOf === undefined ? Date.now() : Date.parse(input.asOf);
    const stored = await listCampaigns(ctx.db);
    const rows = await Promise.all(
      stored.map(async (entry) => {
        const progress = await campaignProgress(ctx.db, entry, asOf);
        const { burnUp: _burnUp, atRisk, ...summary } = progress;
        return { ...entry, progress: { ...summary, atRisk: atRisk.length } };
      }),
    );
    return rows.sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
  }),

  /** One campaign: its definition and audit, and its progress as of now or `asOf` (burn-up, systems at risk). */
  get: viewerProcedure
    .input(z.object({ campaignId: campaignIdInput, asOf: asOfInput }))
    .query(async ({ ctx, input }) => {
      const stored = await loadCampaign(ctx.db, input.campaignId);
      if (stored === undefined)
        throw new TRPCError({ code: "NOT_FOUND", message: `no campaign "${input.campaignId}"` });
      const asOf = input.asOf === undefined ? Date.now() : Date.parse(input.asOf);
      return { ...stored, progress: await campaignProgress(ctx.db, stored, asOf) };
    }),

  /**
   * Defines a campaign, or changes one (the same id), from the form or a file (YAML or JSON):
   * every problem with its field and line, nothing recorded; or one campaign.defined event.
   */
  define: adminProcedure
    .input(z.object({ text: z.string().min(1).max(maxCampaignChars), fileName: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const source = parseSource(input.text, input.fileName);
      if (!source.ok)
        return {
          ok: false as const,
          errors: source.errors.map(({ path, message, line, column }) => ({ path, message, line, column })),
        };
      const parsed = campaignSchema.safeParse(source.value, { reportInput: true });
      if (!parsed.success)
        return {
          ok: false as const,
          errors: readableIssues(parsed.error.issues, campaignSchema, source.value).map((issue) => ({
            path: formatPath(issue.path),
            message: issue.message,
            ...source.locate(issue),
          })),
        };
      const event = adminEvent(
        "campaign.defined",
        campaignsSubject,
        "campaign-defined",
        { actor: ctx.viewer.id, campaign: parsed.data },
        new Date().toISOString(),
      );
      await appendAdminEvent(ctx, event);
      return { ok: true as const, eventId: event.id, campaignId: parsed.data.id };
    }),

  /** Closes an open campaign: kept with its progress, no longer followed. */
  close: adminProcedure
    .input(z.object({ campaignId: campaignIdInput, reason: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => {
      const stored = await loadCampaign(ctx.db, input.campaignId);
      if (stored === undefined)
        throw new TRPCError({ code: "NOT_FOUND", message: `no campaign "${input.campaignId}"` });
      if (stored.status === "closed")
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `the campaign "${input.campaignId}" is closed already (by ${stored.closedBy} on ${stored.closedAt?.slice(0, 10)})`,
        });
      const event = adminEvent(
        "campaign.closed",
        campaignsSubject,
        "campaign-closed",
        {
          actor: ctx.viewer.id,
          campaignId: input.campaignId,
          ...(input.reason !== undefined && input.reason !== "" && { reason: input.reason }),
        },
        new Date().toISOString(),
      );
      await appendAdminEvent(ctx, event);
      return { eventId: event.id };
    }),
});
