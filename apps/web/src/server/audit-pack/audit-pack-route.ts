// GET /api/systems/:systemId/audit-pack[?asOf=ISO]: the system's audit pack as a zip, streamed.
// Plain HTTP rather than tRPC, since the answer is a file; behind the portal's sign-on (the web
// plugin's hook identifies the request first, as for /trpc). Every pack handed out is recorded:
// the download completes only once its gov.docs.generated event is on the log.
import { PassThrough, type Writable } from "node:stream";
import { NoEvidenceError } from "@maturity/audit";
import type { Database } from "@maturity/db";
import type { LogRecord } from "@maturity/log";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { refuse } from "../refuse.ts";
import type { Viewer } from "../auth/viewer.ts";
import { systemIsKnown } from "../routers/compliance-reads.ts";
import { type SigningKey, writeSystemPack } from "./build-pack.ts";
import { docsGeneratedEvent } from "./pack-events.ts";

export interface AuditPackRouteOptions {
  db: Database;
  /** The viewer the sign-on hook found for this request. */
  viewerOf: (request: FastifyRequest) => Viewer | undefined;
  appendToLog?: (records: LogRecord[]) => Promise<void>;
  signingKey?: SigningKey;
}

export const auditPackPath = "/api/systems/:systemId/audit-pack";

const params = z.object({ systemId: z.string().min(1).max(200) });
const query = z.object({ asOf: z.iso.datetime({ offset: true }).optional() });

/** `audit-pack-<system>-<yyyymmddThhmmssZ>.zip`, in characters every file system takes. */
export function packFileName(systemId: string, asOf: string): string {
  const safe = systemId.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100);
  const stamp = asOf.replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return `audit-pack-${safe}-${stamp}.zip`;
}

const cutOff = () => new Error("the download was cut off before the pack was written");

/**
 * Resolves when the stream takes more; rejects when it closes first (the client went away), so the
 * writer stops instead of waiting on a full buffer for ever.
 */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off("drain", onDrain);
      stream.off("close", onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => settle();
    const onClose = () => settle(cutOff());
    stream.on("drain", onDrain);
    stream.on("close", onClose);
  });
}

export function auditPackRoute(app: FastifyInstance, options: AuditPackRouteOptions): void {
  app.get(auditPackPath, async (request, reply) => {
    const viewer = options.viewerOf(request);
    if (viewer === undefined) return refuse(reply, 401, "unauthorized", "sign in first");
    const path = params.safeParse(request.params);
    const search = query.safeParse(request.query);
    if (!path.success || !search.success)
      return refuse(
        reply,
        400,
        "bad_request",
        "expected a system id and, optionally, asOf as an ISO date-time",
      );
    const { systemId } = path.data;
    if (options.appendToLog === undefined)
      return refuse(
        reply,
        503,
        "unavailable",
        "this process cannot write to the log, so it cannot record the pack",
      );
    if (!(await systemIsKnown(options.db, systemId)))
      return refuse(reply, 404, "not_found", `no system "${systemId}"`);
    const asOf = new Date(search.data.asOf ?? Date.now()).toISOString();
    // A pack describes what has happened; its record would be refused as an event from the future.
    if (Date.parse(asOf) > Date.now())
      return refuse(
        reply,
        400,
        "bad_request",
        `asOf ${asOf} is in the future: give a past time, or none for now`,
      );

    // The pack is written straight into `body`, the response, which ends only once the pack's
    // event is on the log: a download that completes is a pack on the record.
    let firstByte!: () => void;
    const started = new Promise<void>((resolve) => (firstByte = resolve));
    const body = new PassThrough();
    const written = writeSystemPack(
      options.db,
      { systemId, asOf, ...(options.signingKey !== undefined && { signingKey: options.signingKey }) },
      async (chunk) => {
        firstByte();
        if (body.destroyed) throw cutOff();
        if (!body.write(chunk)) await drained(body);
      },
    ).then(async (result) => {
      const event = docsGeneratedEvent({ systemId, asOf, actor: viewer.id, pack: result });
      await options.appendToLog!([{ key: systemId, value: JSON.stringify(event) }]);
      return result;
    });

    // A failure before the first byte is answered as an error; a later one cuts the download short.
    const failed = await Promise.race([
      started.then(() => null),
      written.then(
        () => null,
        (error: unknown) => error as Error,
      ),
    ]);
    if (failed instanceof NoEvidenceError) return refuse(reply, 404, "not_found", failed.message);
    if (failed !== null) {
      request.log.error({ err: failed, systemId }, "the audit pack could not be built");
      return refuse(reply, 500, "pack_failed", `the audit pack could not be built: ${failed.message}`);
    }
    written.then(
      (result) => {
        request.log.info(
          { systemId, asOf, manifestSha256: result.manifestSha256, actor: viewer.id },
          "audit pack generated",
        );
        body.end();
      },
      (error: unknown) => {
        request.log.error({ err: error, systemId }, "the audit pack failed part way, or was not recorded");
        body.destroy(error as Error);
      },
    );
    return reply
      .header("content-type", "application/zip")
      .header("content-disposition", `attachment; filename="${packFileName(systemId, asOf)}"`)
      .header("cache-control", "no-store")
      .send(body);
  });
}
