import { gunzipSync } from "node:zlib";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { mapGenAiSpans } from "../adapters/otlp/genai.ts";
import { flattenExportRequest } from "../adapters/otlp/spans.ts";
import { mediaTypeOf, parseJsonBody, rawBodyOf } from "../body.ts";
import { IngestError, unsupportedMediaType } from "../errors.ts";
import type { RouteContext } from "./webhook-context.ts";

const route = "/v1/otlp/v1/traces";

/**
 * POST /v1/otlp/v1/traces: OTLP/HTTP with JSON encoding (point an exporter's endpoint at
 * `<ingest>/v1/otlp`). Protobuf is refused with 415 and a hint, rather than half-supported.
 */
export function registerOtlpRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post(route, { bodyLimit: context.config.bodyLimitBytes }, async (request, reply) => {
    const mediaType = mediaTypeOf(request);
    if (mediaType === "application/x-protobuf") {
      throw unsupportedMediaType(
        "OTLP protobuf is not supported; configure the exporter for JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json)",
      );
    }
    if (mediaType !== "application/json") {
      throw unsupportedMediaType(
        `content-type ${mediaType || "(none)"} is not accepted here; send OTLP/JSON as application/json`,
      );
    }
    const body = parseJsonBody(decodedBody(request, context.config.bodyLimitBytes));
    const parsed = flattenExportRequest(body);
    const mapped = mapGenAiSpans(parsed.spans, context.config.llmPrices);
    let rejected = parsed.rejected + mapped.rejected;
    let firstRejection = parsed.firstRejection ?? mapped.firstRejection;
    const events = [];
    for (const draft of mapped.drafts) {
      try {
        events.push(await context.publisher.eventFromDraft(draft));
      } catch (error) {
        if (!(error instanceof IngestError) || error.statusCode !== 400) throw error;
        rejected += 1;
        firstRejection ??= error.message;
      }
    }
    const accepted = await context.publisher.publishEvents(events, route);
    // OTLP's success answer is 200; partialSuccess tells the exporter which spans were refused.
    return reply.status(200).send({
      ...(rejected > 0 ? { partialSuccess: { rejectedSpans: rejected, errorMessage: firstRejection } } : {}),
      accepted,
    });
  });
}

/** Exporters may gzip the body; the limit applies to what it expands to as well. */
function decodedBody(request: FastifyRequest, limit: number): Buffer {
  const raw = rawBodyOf(request);
  const encoding = (request.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "identity") return raw;
  if (encoding !== "gzip")
    throw unsupportedMediaType(`content-encoding ${encoding} is not supported; send gzip or none`);
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new IngestError(
        413,
        "payload_too_large",
        `the decompressed body is over the ${limit}-byte limit; send smaller batches`,
      );
    }
    throw new IngestError(400, "bad_request", "the body is not valid gzip");
  }
}
