import { jsonTextIssue } from "@maturity/model";
import type { FastifyInstance, FastifyRequest } from "fastify";
import secureJson from "secure-json-parse";
import { badRequest, unsupportedMediaType } from "./errors.ts";

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
 * sizes of its objects and arrays against the input limits on the raw bytes. The error names the
 * real reason, so a sender whose JSON is valid but carries such a key is told that.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw badRequest("bad_request", "the body is empty; send a JSON document");
  const shapeIssue = jsonTextIssue(raw);
  if (shapeIssue !== undefined) throw badRequest("input_limit", `${shapeIssue}; see the input limits`);
  const text = raw.toString("utf8");
  try {
    return secureJson.parse(text, undefined, { protoAction: "error", constructorAction: "error" });
  } catch (error) {
    const message = (error as Error).message;
    if (/prototype/i.test(message)) {
      throw badRequest(
        "bad_request",
        "the body has a __proto__ or constructor.prototype key, which is refused to prevent prototype poisoning; rename the key",
      );
    }
    throw badRequest("bad_request", `the body is not valid JSON: ${message}`);
  }
}
