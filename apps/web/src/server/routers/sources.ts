import { randomUUID } from "node:crypto";
import { listSystems, listUnmapped } from "@maturity/db";
import { formatIssues, nativeIdFormat, parseEvent, parseNativeId, sourcesOf } from "@maturity/model";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../trpc.ts";

// A native id in its text form; its kinds and their catalogue `sources` keys are packages/model's.
const nativeRefSchema = z.string().refine((text) => parseNativeId(text) !== undefined, {
  error: `expected "${nativeIdFormat}", as the unmapped list shows it`,
});

export const sourcesRouter = createTRPCRouter({
  /**
   * Native ids (repo, registry model, service, GPU queue) that sent events no catalogue entry maps
   * yet, with their event counts: map one by adding it to a system's `sources` in the catalogue.
   */
  unmapped: viewerProcedure.query(({ ctx }) => listUnmapped(ctx.db)),

  /**
   * Maps an unmapped native id to a system (admin only). The mapping is itself evidence: a
   * catalogue update naming who made it goes through the log like any event, and the worker then
   * folds every waiting event of that id into the system.
   */
  map: adminProcedure
    .input(z.object({ ref: nativeRefSchema, systemId: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.appendToLog === undefined)
        throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this process cannot write to the log" });
      const unmapped = (await listUnmapped(ctx.db)).find((row) => row.ref === input.ref);
      if (unmapped === undefined)
        throw new TRPCError({ code: "NOT_FOUND", message: `no unmapped source "${input.ref}"` });
      if (unmapped.mappedTo !== null && unmapped.mappedTo !== undefined)
        throw new TRPCError({
          code: "CONFLICT",
          message: `"${input.ref}" is already mapped to "${unmapped.mappedTo}"`,
        });
      const systems = await listSystems(ctx.db);
      if (!systems.some((system) => system.systemId === input.systemId))
        throw new TRPCError({ code: "NOT_FOUND", message: `no system "${input.systemId}"` });
      const event = {
        specversion: "1.0",
        id: randomUUID(),
        source: "urn:maturity:portal",
        type: "catalog.system.updated",
        time: new Date().toISOString(),
        subject: input.systemId,
        datacontenttype: "application/json",
        // Who mapped it, kept with the event (a CloudEvents extension attribute).
        actor: ctx.viewer.id,
        data: { sources: sourcesOf([parseNativeId(input.ref)!]) },
      };
      const parsed = parseEvent(event);
      if (!parsed.ok) throw new Error(`the mapping event is invalid: ${formatIssues(parsed.issues)}`);
      await ctx.appendToLog([{ key: input.systemId, value: JSON.stringify(parsed.event) }]);
      return { eventId: event.id, ref: input.ref, systemId: input.systemId };
    }),
});
