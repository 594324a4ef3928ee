import { badRequest } from "../../errors.ts";
import { decodeAttributes, type AttributeValue } from "./attributes.ts";

/** One span of an OTLP/JSON export request, with its resource's attributes beside it. */
export interface FlatSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  startNanos: bigint;
  endNanos: bigint;
  attributes: Record<string, AttributeValue>;
  resource: Record<string, AttributeValue>;
  status: "unset" | "ok" | "error";
}

export interface SpanParseResult {
  spans: FlatSpan[];
  /** Spans too malformed to read (no ids or times), with the first reason. */
  rejected: number;
  firstRejection: string | undefined;
}

/**
 * Reads an ExportTraceServiceRequest in OTLP/JSON. The request's outer structure must be right
 * (else 400); a span that cannot be read is counted as rejected, as OTLP partial success allows.
 */
export function flattenExportRequest(body: unknown): SpanParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(
      "invalid_payload",
      "expected an OTLP ExportTraceServiceRequest object with resourceSpans",
      [{ path: "", message: "expected an object" }],
    );
  }
  const resourceSpans = (body as { resourceSpans?: unknown }).resourceSpans ?? [];
  if (!Array.isArray(resourceSpans)) {
    throw badRequest("invalid_payload", "resourceSpans: expected an array", [
      { path: "resourceSpans", message: "expected an array" },
    ]);
  }
  const result: SpanParseResult = { spans: [], rejected: 0, firstRejection: undefined };
  for (const resourceSpan of resourceSpans) {
    const resource = decodeAttributes(objectOf(objectOf(resourceSpan).resource).attributes);
    const scopeSpans = objectOf(resourceSpan).scopeSpans;
    if (!Array.isArray(scopeSpans)) continue;
    for (const scopeSpan of scopeSpans) {
      const spans = objectOf(scopeSpan).spans;
      if (!Array.isArray(spans)) continue;
      for (const span of spans) {
        const flat = readSpan(span, resource);
        if (typeof flat === "string") {
          result.rejected += 1;
          result.firstRejection ??= flat;
        } else result.spans.push(flat);
      }
    }
  }
  return result;
}

function readSpan(input: unknown, resource: Record<string, AttributeValue>): FlatSpan | string {
  const span = objectOf(input);
  const traceId = span.traceId;
  const spanId = span.spanId;
  if (typeof traceId !== "string" || traceId === "" || typeof spanId !== "string" || spanId === "") {
    return "a span has no traceId or spanId";
  }
  const startNanos = nanos(span.startTimeUnixNano);
  const endNanos = nanos(span.endTimeUnixNano);
  if (
    startNanos === undefined ||
    endNanos === undefined ||
    endNanos < startNanos ||
    endNanos > latestDateNanos
  ) {
    return `span ${spanId}: startTimeUnixNano/endTimeUnixNano missing or out of order`;
  }
  const parent = span.parentSpanId;
  return {
    traceId,
    spanId,
    parentSpanId: typeof parent === "string" && parent !== "" ? parent : undefined,
    name: typeof span.name === "string" ? span.name : "",
    startNanos,
    endNanos,
    attributes: decodeAttributes(span.attributes),
    resource,
    status: statusOf(objectOf(span.status).code),
  };
}

// The largest time a JavaScript Date can hold, in nanoseconds.
const latestDateNanos = 8_640_000_000_000_000_000_000n;

/** int64 nanoseconds: a decimal string or a JSON number, depending on the exporter. */
function nanos(value: unknown): bigint | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return BigInt(Math.trunc(value));
  if (typeof value === "string" && /^\d{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}

function statusOf(code: unknown): FlatSpan["status"] {
  if (code === 2 || code === "STATUS_CODE_ERROR") return "error";
  if (code === 1 || code === "STATUS_CODE_OK") return "ok";
  return "unset";
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
