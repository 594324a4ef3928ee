// POST /api/imports/backstage: an admin imports Backstage entities (read from files by
// `maturity import backstage`). Plain HTTP behind the portal's sign-on, like the audit pack
// download; the import needs the event store to know what earlier imports left, which only the
// portal's process holds (the standalone ingest has no database).
import type { BackstageMappingOptions, LocatedEntity } from "@maturity/backstage";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { refuse } from "../refuse.ts";
import { isAdmin, type Viewer } from "../auth/viewer.ts";
import { runBackstageImport, type BackstageImportDeps } from "./backstage-import.ts";

export const backstageImportPath = "/api/imports/backstage";

/** Large enough for an enterprise catalogue's ML entities sent at once. */
const bodyLimitBytes = 32 * 1024 * 1024;

const requestBody = z.object({
  location: z.string().min(1).max(200).default("files"),
  retireMissing: z.boolean().default(true),
  dryRun: z.boolean().default(false),
  entities: z
    .array(
      z.object({
        // Checked entity by entity by the import (an invalid one is skipped, not the whole request).
        entity: z.record(z.string(), z.unknown()),
        file: z.string().max(1000).optional(),
        line: z.int().min(1).optional(),
      }),
    )
    .max(100_000),
  // What the sender could not read (YAML errors in its files), so retirement waits for a fix.
  problems: z
    .array(
      z.object({
        file: z.string().max(1000).optional(),
        line: z.int().min(1).optional(),
        column: z.int().min(1).optional(),
        entityRef: z.string().max(1000).optional(),
        reason: z.string().max(10_000),
      }),
    )
    .max(100_000)
    .default([]),
});

export interface BackstageImportRouteOptions extends Partial<Pick<BackstageImportDeps, "appendToLog">> {
  db: BackstageImportDeps["db"];
  /** How to tell ML systems (MATURITY_BACKSTAGE_TYPES); the import's defaults when absent. */
  mapping?: BackstageMappingOptions;
  viewerOf: (request: FastifyRequest) => Viewer | undefined;
}

export function backstageImportRoute(app: FastifyInstance, options: BackstageImportRouteOptions): void {
  app.post(backstageImportPath, { bodyLimit: bodyLimitBytes }, async (request, reply) => {
    const viewer = options.viewerOf(request);
    if (viewer === undefined) return refuse(reply, 401, "unauthorized", "sign in first");
    if (!isAdmin(viewer))
      return refuse(reply, 403, "forbidden", "importing a catalogue changes it: an admin must do it");
    const parsed = requestBody.safeParse(request.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
      return refuse(
        reply,
        400,
        "bad_request",
        `the import request is invalid: ${issues.map((issue) => `${issue.path || "(body)"}: ${issue.message}`).join("; ")}`,
        issues,
      );
    }
    const appendToLog = options.appendToLog;
    if (appendToLog === undefined)
      return refuse(reply, 503, "unavailable", "this process cannot write to the log, so it cannot import");
    const { entities, ...rest } = parsed.data;
    const plan = await runBackstageImport(
      { db: options.db, appendToLog },
      {
        ...rest,
        entities: entities.map(({ entity, file, line }) => ({
          entity: entity as unknown as LocatedEntity["entity"],
          ...(file !== undefined && { file }),
          ...(line !== undefined && { line }),
        })),
        actor: viewer.id,
        now: new Date(),
        ...(options.mapping !== undefined && { options: options.mapping }),
      },
    );
    return reply
      .status(rest.dryRun ? 200 : 202)
      .send({ dryRun: rest.dryRun, summary: plan.summary, events: plan.events });
  });
}
