import { context, trace, type Span } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const prices = { "gpt-4o": { inputPer1k: 0.0025, outputPer1k: 0.01 } };
const t0 = Date.parse("2026-03-01T12:00:00Z");

describe("POST /v1/otlp/v1/traces with spans from the OpenTelemetry JS SDK", () => {
  it("turns inference spans into llm.call.completed and an agent run into agent.run.completed", async () => {
    harness = await startHarness({
      config: { bearerAuth: true, tokens: testTokens, llmPrices: prices },
      resolveSystem: (ref) =>
        ref.kind === "service" && ref.id === "support-bot" ? "support-assistant" : undefined,
    });
    const base = await harness.app.listen({ port: 0, host: "127.0.0.1" });
    const exporter = new OTLPTraceExporter({ url: `${base}/v1/otlp/v1/traces`, headers: bearer });
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "support-bot", "maturity.feature": "answers" }),
      // One batch, so the agent span and its children arrive in the same export request.
      spanProcessors: [
        new BatchSpanProcessor(exporter, { scheduledDelayMillis: 60_000, maxExportBatchSize: 100 }),
      ],
    });
    const tracer = provider.getTracer("genai-test");

    const agent = tracer.startSpan("invoke_agent support", {
      startTime: t0,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "support" },
    });
    const inAgent = trace.setSpan(context.active(), agent);
    const child = (
      name: string,
      start: number,
      end: number,
      attributes: Record<string, string | number | string[]>,
      error = false,
    ) => {
      const span: Span = tracer.startSpan(name, { startTime: t0 + start, attributes }, inAgent);
      if (error) span.setStatus({ code: 2, message: "tool failed" });
      span.end(t0 + end);
    };
    child("chat gpt-4o", 10, 810, {
      "gen_ai.operation.name": "chat",
      "gen_ai.system": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.output_tokens": 200,
    });
    child(
      "execute_tool search",
      820,
      900,
      { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" },
      true,
    );
    child("execute_tool search", 910, 1000, {
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "search",
    });
    child("chat gpt-4o", 1010, 1510, {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.usage.input_tokens": 1500,
      "gen_ai.usage.output_tokens": 100,
      "gen_ai.response.finish_reasons": ["stop"],
      "app.feature": "escalation",
    });
    agent.end(t0 + 1600);
    tracer.startSpan("GET /health", { startTime: t0 }).end(t0 + 5);
    await provider.forceFlush();
    await provider.shutdown();

    const logged = await harness.logged();
    const calls = logged.filter((event) => event.type === "llm.call.completed");
    const runs = logged.filter((event) => event.type === "agent.run.completed");
    expect(logged).toHaveLength(3);
    const traceId = agent.spanContext().traceId;
    expect(calls.map((event) => event.data)).toEqual([
      {
        feature: "answers",
        model: "gpt-4o-2024-08-06",
        provider: "openai",
        inputTokens: 1000,
        outputTokens: 200,
        costUsd: 0.0045,
        latencyMs: 800,
        status: "ok",
        traceId,
        operation: "chat",
      },
      {
        feature: "escalation",
        model: "gpt-4o",
        provider: "openai",
        inputTokens: 1500,
        outputTokens: 100,
        costUsd: 0.00475,
        latencyMs: 500,
        status: "ok",
        traceId,
        operation: "chat",
      },
    ]);
    expect(runs[0]).toMatchObject({
      subject: "support-assistant",
      source: "otlp://support-bot",
      id: `${traceId}-${agent.spanContext().spanId}`,
      time: new Date(t0 + 1600).toISOString(),
      data: {
        feature: "answers",
        steps: 2,
        toolCalls: 2,
        retries: 1,
        terminatedCorrectly: true,
        latencyMs: 1600,
        costUsd: 0.00925,
        agent: "support",
      },
    });
  });
});

/** A hand-written OTLP/JSON request for the quirks the SDK does not produce. */
function request(spans: object[], resource: Record<string, string> = { "service.name": "svc" }) {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: Object.entries(resource).map(([key, value]) => ({
            key,
            value: { stringValue: value },
          })),
        },
        scopeSpans: [{ scope: { name: "manual" }, spans }],
      },
    ],
  };
}

const attribute = (
  key: string,
  value: string | number,
  kind: "stringValue" | "intValue" | "doubleValue" = "stringValue",
) => ({
  key,
  value: { [kind]: value },
});

function span(overrides: Record<string, unknown> = {}) {
  return {
    traceId: "5b8efff798038103d269b633813fc60c",
    spanId: "eee19b7ec3c1b174",
    name: "chat claude",
    kind: 3,
    startTimeUnixNano: "1772366400000000000",
    endTimeUnixNano: "1772366400250000000",
    attributes: [
      attribute("gen_ai.operation.name", "chat"),
      attribute("gen_ai.provider.name", "anthropic"),
      attribute("gen_ai.request.model", "claude-sonnet"),
      attribute("gen_ai.usage.input_tokens", "12", "intValue"),
      attribute("gen_ai.usage.output_tokens", 34, "intValue"),
    ],
    status: {},
    ...overrides,
  };
}

const send = (body: unknown, headers: Record<string, string> = {}) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/otlp/v1/traces",
    headers: { "content-type": "application/json", ...bearer, ...headers },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("OTLP/JSON quirks and refusals", () => {
  it("reads int64 as string or number, error status, and a cost the span reports itself", async () => {
    harness = await startHarness({ config: { llmPrices: prices } });
    const withNumbers = span({
      startTimeUnixNano: 1772366400000000000,
      endTimeUnixNano: 1772366400250000000,
      status: { code: "STATUS_CODE_ERROR" },
      attributes: [...span().attributes, attribute("gen_ai.usage.cost", 0.02, "doubleValue")],
    });
    const response = await send(request([withNumbers]));
    expect(response.statusCode).toBe(200);
    expect(response.json().partialSuccess).toBeUndefined();
    expect((await harness.logged())[0]).toMatchObject({
      subject: "unmapped:service:svc",
      unmappedref: "service:svc",
      data: {
        model: "claude-sonnet",
        provider: "anthropic",
        inputTokens: 12,
        outputTokens: 34,
        latencyMs: 250,
        status: "error",
        costUsd: 0.02,
      },
    });
  });

  it("leaves cost out when neither the span nor the price table has one", async () => {
    harness = await startHarness();
    await send(request([span()]));
    expect((await harness.logged())[0]!.data).not.toHaveProperty("costUsd");
  });

  it("reports spans it cannot map as OTLP partial success and keeps the rest", async () => {
    harness = await startHarness();
    const noModel = span({
      spanId: "0000000000000001",
      attributes: [attribute("gen_ai.operation.name", "chat")],
    });
    const noTimes = span({ spanId: "0000000000000002", endTimeUnixNano: "soon" });
    const response = await send(request([span(), noModel, noTimes]));
    expect(response.statusCode).toBe(200);
    expect(response.json().partialSuccess).toMatchObject({ rejectedSpans: 2 });
    expect(response.json().accepted).toHaveLength(1);
    expect(await harness.logged()).toHaveLength(1);
  });

  it("answers 200 with nothing produced for spans that are not GenAI", async () => {
    harness = await startHarness();
    const response = await send(request([span({ attributes: [attribute("http.method", "GET")] })]));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: [] });
  });

  it("refuses protobuf with 415 and says how to switch the exporter to JSON", async () => {
    harness = await startHarness();
    const response = await send(Buffer.from([0x0a, 0x00]).toString("latin1"), {
      "content-type": "application/x-protobuf",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toContain("http/json");
  });

  it("answers 400 to a body that is not an export request", async () => {
    harness = await startHarness();
    const response = await send({ resourceSpans: "nope" });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe("resourceSpans");
  });

  it("requires the bearer token when auth is on", async () => {
    harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } });
    const response = await send(request([span()]), { authorization: "Bearer wrong" });
    expect(response.statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });
});
