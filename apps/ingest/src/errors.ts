import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { IngestMetrics } from "./metrics.ts";

/** The one shape every ingest error takes: a code a program can switch on, a message a person can act on. */
export interface IngestErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  /** For a rejected batch: the position of the first bad event. */
  index?: number;
}

/** An error a route throws on purpose; the error handler turns it into a response. */
export class IngestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: {
      issues?: IngestErrorBody["issues"];
      index?: number;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "IngestError";
  }
}

export function badRequest(
  code: string,
  message: string,
  issues?: IngestErrorBody["issues"],
  index?: number,
): IngestError {
  return new IngestError(400, code, message, { issues, index });
}

export function unauthorized(message: string, challenge?: string): IngestError {
  return new IngestError(401, "unauthorized", message, {
    headers: challenge === undefined ? {} : { "www-authenticate": challenge },
  });
}

export function unsupportedMediaType(message: string): IngestError {
  return new IngestError(415, "unsupported_media_type", message);
}

/** Maps every failure of the ingest routes to the error shape, in one place, and counts it. */
export function createIngestErrorHandler(metrics: IngestMetrics) {
  return function ingestErrorHandler(
    error: FastifyError | IngestError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const { status, body, headers } = describe(error, request);
    metrics.rejected.inc({ route: request.routeOptions.url ?? "unknown", reason: body.error });
    if (status >= 500 && status !== 503) request.log.error({ err: error }, "ingest failed");
    else if (status === 503) request.log.warn({ err: error }, body.message);
    void reply
      .status(status)
      .headers(headers)
      .send(body satisfies IngestErrorBody);
  };
}

function describe(
  error: FastifyError | IngestError,
  request: FastifyRequest,
): { status: number; body: IngestErrorBody; headers: Record<string, string> } {
  if (error instanceof IngestError) {
    const body: IngestErrorBody = { error: error.code, message: error.message };
    if (error.extra.issues !== undefined) body.issues = error.extra.issues;
    if (error.extra.index !== undefined) body.index = error.extra.index;
    return { status: error.statusCode, body, headers: error.extra.headers ?? {} };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return {
      status: 413,
      headers: {},
      body: {
        error: "payload_too_large",
        message: `the request body is over the ${request.routeOptions.bodyLimit ?? 0}-byte limit; send smaller batches`,
      },
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status < 500) {
    return {
      status,
      headers: {},
      body: { error: "bad_request", message: `the request could not be read: ${fastifyError.message}` },
    };
  }
  return { status: 500, headers: {}, body: { error: "internal", message: "ingest failed; retry later" } };
}
