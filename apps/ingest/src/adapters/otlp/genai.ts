import type { EventDraft } from "../draft.ts";
import { compact } from "../draft.ts";
import { numberAttribute, stringAttribute } from "./attributes.ts";
import { priceCall, type PriceTable } from "./prices.ts";
import type { FlatSpan } from "./spans.ts";

/** gen_ai.operation.name values of a model call (OpenTelemetry GenAI semantic conventions). */
const inferenceOperations = new Set(["chat", "text_completion", "generate_content", "embeddings"]);
const featureKeys = ["maturity.feature", "app.feature"];
const costKeys = ["gen_ai.usage.cost", "maturity.cost_usd"];

export interface GenAiMapping {
  drafts: EventDraft[];
  rejected: number;
  firstRejection: string | undefined;
}

const operationOf = (span: FlatSpan) => stringAttribute(span.attributes, "gen_ai.operation.name");
const isInference = (span: FlatSpan) => inferenceOperations.has(operationOf(span) ?? "");

/**
 * Inference spans become llm.call.completed; invoke_agent spans become agent.run.completed,
 * counted from their descendants in the same export request. Other spans are not evidence.
 */
export function mapGenAiSpans(spans: FlatSpan[], prices: PriceTable): GenAiMapping {
  const mapping: GenAiMapping = { drafts: [], rejected: 0, firstRejection: undefined };
  const children = new Map<string, FlatSpan[]>();
  for (const span of spans) {
    if (span.parentSpanId === undefined) continue;
    const key = `${span.traceId}/${span.parentSpanId}`;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  for (const span of spans) {
    const operation = operationOf(span);
    if (operation === "invoke_agent") {
      mapping.drafts.push(agentRun(span, descendantsOf(span, children), prices));
    } else if (operation !== undefined && inferenceOperations.has(operation)) {
      const draft = llmCall(span, prices);
      if (typeof draft === "string") {
        mapping.rejected += 1;
        mapping.firstRejection ??= draft;
      } else mapping.drafts.push(draft);
    }
  }
  return mapping;
}

function envelopeOf(span: FlatSpan): Omit<EventDraft, "type" | "data"> {
  const service = stringAttribute(span.resource, "service.name") ?? "unknown_service";
  return {
    // Unique per source, and the same when an exporter retries the request.
    id: `${span.traceId}-${span.spanId}`,
    source: `otlp://${service}`,
    time: new Date(Number(span.endNanos / 1_000_000n)).toISOString(),
    ref: { kind: "service", id: service },
  };
}

/** Rounded to the microsecond: int64 nanos sent as JSON numbers are only that precise anyway. */
function latencyMs(span: FlatSpan): number {
  return Math.round(Number(span.endNanos - span.startNanos) / 1e3) / 1e3;
}

function featureOf(span: FlatSpan): string | undefined {
  return stringAttribute(span.attributes, ...featureKeys) ?? stringAttribute(span.resource, ...featureKeys);
}

function modelOf(span: FlatSpan): string | undefined {
  return stringAttribute(span.attributes, "gen_ai.response.model", "gen_ai.request.model");
}

function tokensOf(span: FlatSpan): { input: number; output: number } {
  const count = (...keys: string[]) => {
    const value = numberAttribute(span.attributes, ...keys);
    return value !== undefined && Number.isInteger(value) && value >= 0 ? value : 0;
  };
  return {
    // The older names are still sent by some instrumentations.
    input: count("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"),
    output: count("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"),
  };
}

/** The span's own cost when it reports one, else the price table's. */
function costOf(span: FlatSpan, prices: PriceTable): number | undefined {
  const reported = numberAttribute(span.attributes, ...costKeys);
  if (reported !== undefined && reported >= 0) return reported;
  const model = modelOf(span);
  if (model === undefined) return undefined;
  const tokens = tokensOf(span);
  return priceCall(prices, model, tokens.input, tokens.output);
}

function llmCall(span: FlatSpan, prices: PriceTable): EventDraft | string {
  const model = modelOf(span);
  if (model === undefined)
    return `span ${span.spanId}: inference span without gen_ai.request.model or gen_ai.response.model`;
  const tokens = tokensOf(span);
  return {
    ...envelopeOf(span),
    type: "llm.call.completed",
    data: compact({
      feature: featureOf(span),
      model,
      // gen_ai.system is the older name of gen_ai.provider.name.
      provider: stringAttribute(span.attributes, "gen_ai.provider.name", "gen_ai.system"),
      inputTokens: tokens.input,
      outputTokens: tokens.output,
      costUsd: costOf(span, prices),
      latencyMs: latencyMs(span),
      status: span.status === "error" || stringAttribute(span.attributes, "error.type") ? "error" : "ok",
      traceId: span.traceId,
      operation: operationOf(span),
    }),
  };
}

function descendantsOf(span: FlatSpan, children: Map<string, FlatSpan[]>): FlatSpan[] {
  const found: FlatSpan[] = [];
  const queue = [span];
  const seen = new Set<string>([span.spanId]);
  while (queue.length > 0) {
    const next = queue.shift()!;
    for (const child of children.get(`${next.traceId}/${next.spanId}`) ?? []) {
      if (seen.has(child.spanId)) continue;
      seen.add(child.spanId);
      found.push(child);
      queue.push(child);
    }
  }
  return found.sort((a, b) => (a.startNanos < b.startNanos ? -1 : a.startNanos > b.startNanos ? 1 : 0));
}

const stopReasons = new Set(["stop", "end_turn", "stop_sequence"]);
const cutOffReasons = new Set(["length", "max_tokens", "content_filter"]);

function agentRun(span: FlatSpan, descendants: FlatSpan[], prices: PriceTable): EventDraft {
  const calls = descendants.filter(isInference);
  const tools = descendants.filter((child) => operationOf(child) === "execute_tool");
  const ownCost = numberAttribute(span.attributes, ...costKeys);
  const callCosts = calls.map((call) => costOf(call, prices)).filter((cost) => cost !== undefined);
  return {
    ...envelopeOf(span),
    type: "agent.run.completed",
    data: compact({
      feature: featureOf(span),
      steps: calls.length,
      toolCalls: tools.length,
      retries: retriesIn([...calls, ...tools]),
      terminatedCorrectly: terminatedCorrectly(span, calls),
      latencyMs: latencyMs(span),
      costUsd:
        ownCost !== undefined && ownCost >= 0
          ? ownCost
          : callCosts.length > 0
            ? Math.round(callCosts.reduce((sum, cost) => sum + cost, 0) * 1e9) / 1e9
            : undefined,
      agent: stringAttribute(span.attributes, "gen_ai.agent.name"),
      traceId: span.traceId,
    }),
  };
}

/** A failed call or tool run followed by another of the same model or tool is a retry. */
function retriesIn(steps: FlatSpan[]): number {
  const target = (step: FlatSpan) =>
    `${operationOf(step)}:${stringAttribute(step.attributes, "gen_ai.tool.name") ?? modelOf(step) ?? step.name}`;
  let retries = 0;
  steps.forEach((step, index) => {
    if (step.status !== "error") return;
    if (steps.slice(index + 1).some((later) => target(later) === target(step))) retries += 1;
  });
  return retries;
}

/**
 * true/false when it can be told: an explicit `maturity.agent.terminated_correctly`, an error
 * status, or why the last model call stopped; null otherwise (the schema's "could not judge").
 */
function terminatedCorrectly(span: FlatSpan, calls: FlatSpan[]): boolean | null {
  const explicit = span.attributes["maturity.agent.terminated_correctly"];
  if (typeof explicit === "boolean") return explicit;
  if (span.status === "error") return false;
  const reasons = calls.at(-1)?.attributes["gen_ai.response.finish_reasons"];
  const last = Array.isArray(reasons) ? reasons.at(-1) : reasons;
  if (typeof last === "string" && stopReasons.has(last)) return true;
  if (typeof last === "string" && cutOffReasons.has(last)) return false;
  if (span.status === "ok") return true;
  return null;
}
