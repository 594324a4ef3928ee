import { jsonTextIssue } from "@maturity/model";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest, unsupportedMediaType } from "./errors.ts";

type JsonParser = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * Every ingest route receives its body as raw bytes: signatures are computed over exactly what
 * was sent, before anything is parsed, and each route decides which media types it accepts.
 * fastify still enforces the body limit while reading.
 */
export function receiveRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
}

/** The media type without parameters, lower case; "" when there is none. */
export function mediaTypeOf(request: FastifyRequest): string {
  const header = request.headers["content-type"] ?? "";
  return header.split(";")[0]!.trim().toLowerCase();
}

export function requireMediaType(request: FastifyRequest, accepted: readonly string[]): string {
  const type = mediaTypeOf(request);
  if (!accepted.includes(type)) {
    throw unsupportedMediaType(
      `content-type ${type === "" ? "(none)" : type} is not accepted here; send ${accepted.join(" or ")}`,
    );
  }
  return type;
}

export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/**
 * Parses JSON the way fastify's own parser does (secure-json-parse: a `__proto__` or
 * `constructor.prototype` key is refused rather than trusted), after checking the nesting and the
 * sizes of its objects and arrays against the input limits on the raw bytes.
 */
export function parseJsonBody(app: FastifyInstance, request: FastifyRequest, raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest("bad_request", "the body is empty; send a JSON document");
  const shapeIssue = jsonTextIssue(raw);
  if (shapeIssue !== undefined) throw badRequest("input_limit", `${shapeIssue}; see the input limits`);
  const parser = app.getDefaultJsonParser("error", "error") as unknown as JsonParser;
  let result: { error: Error | null; value?: unknown } | undefined;
  parser(request, raw.toString("utf8"), (error, value) => {
    result = { error, value };
  });
  if (result === undefined) throw new Error("the JSON parser did not answer synchronously");
  if (result.error) throw badRequest("bad_request", `the body is not valid JSON: ${result.error.message}`);
  return result.value;
}
