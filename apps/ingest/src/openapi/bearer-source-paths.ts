// The sources that authenticate with a bearer token from INGEST_TOKENS: event forwarders,
// OpenLineage, OTLP exporters and Alertmanager. Their bodies are the sources' own formats.
import { alertmanagerExamples } from "../examples/alertmanager.ts";
import { bearerSecurity, nativeBody, ref, type Json } from "./components.ts";
import { deliveryResponses } from "./responses.ts";
import { bodyExamples, headerParameter } from "./examples.ts";
import { kueueExamples, lineageExamples, otlpExamples } from "./examples/sources.ts";

function source(tag: string, operation: Json): Json {
  return {
    post: {
      tags: [tag],
      security: bearerSecurity,
      responses: deliveryResponses({ ignored: true }),
      ...operation,
    },
  };
}

export const otlpResultSchema: Json = {
  type: "object",
  description:
    "OTLP's success answer: the events the spans became; spans that could not become one are counted under partialSuccess, so the exporter does not resend them.",
  properties: {
    accepted: { type: "array", items: ref("AcceptedEvent") },
    partialSuccess: {
      type: "object",
      properties: { rejectedSpans: { type: "integer", minimum: 1 }, errorMessage: { type: "string" } },
      required: ["rejectedSpans"],
    },
  },
  required: ["accepted"],
};

const otlpResponses = (() => {
  const {
    "202": _accepted,
    "200": _ignored,
    ...errors
  } = deliveryResponses({ ignored: true }) as Record<string, Json>;
  return {
    "200": {
      description: "Read: the GenAI spans as events, durably in the event log; other spans are left out.",
      content: { "application/json": { schema: ref("OtlpResult") } },
    },
    ...errors,
  };
})();

export const bearerSourcePaths: Json = {
  "/v1/otlp/v1/traces": {
    post: {
      operationId: "otlpTraces",
      tags: ["Telemetry"],
      summary: "OTLP/HTTP traces, JSON encoding",
      description:
        "Point an OpenTelemetry exporter's endpoint at `<ingest>/v1/otlp` with OTEL_EXPORTER_OTLP_PROTOCOL=http/json. GenAI spans (gen_ai.* attributes) become llm.call.completed and agent.run.completed; the rest are left out. Protobuf is refused with 415 and a hint.",
      security: bearerSecurity,
      parameters: [
        headerParameter("Content-Encoding", {
          description: "gzip or none; the body limit applies to what it expands to as well.",
          schema: { type: "string", enum: ["gzip", "identity"] },
          example: "gzip",
        }),
      ],
      requestBody: nativeBody("An OTLP/JSON ExportTraceServiceRequest.", bodyExamples(otlpExamples), {
        type: "object",
        properties: { resourceSpans: { type: "array" } },
        required: ["resourceSpans"],
      }),
      responses: otlpResponses,
    },
  },
  "/v1/lineage": source("Lineage", {
    operationId: "openLineage",
    summary: "OpenLineage RunEvents (the HTTP transport's endpoint)",
    description:
      "A COMPLETE or FAIL run becomes exp.run.logged with its code version (the sourceCodeLocation facet) and dataset versions; other event types are answered 200 with the reason.",
    requestBody: nativeBody("An OpenLineage RunEvent.", bodyExamples(lineageExamples)),
  }),
  "/v1/webhooks/kueue": source("Webhooks", {
    operationId: "kueueEvents",
    summary: "Kubernetes Events about Kueue Workloads, from an event forwarder",
    description:
      "QuotaReserved and Admitted become gpu.job.admitted, Preempted (and Evicted by preemption) gpu.job.preempted, Finished gpu.job.finished; attach the Workload as `workload` for GPU counts and admission times. Other reasons are answered 200 with the reason.",
    requestBody: nativeBody(
      "An events.k8s.io/v1 Event (optionally with `workload`).",
      bodyExamples(kueueExamples),
    ),
  }),
  "/v1/webhooks/alertmanager": source("Webhooks", {
    operationId: "alertmanagerWebhook",
    summary: "Prometheus Alertmanager webhook notifications",
    description:
      "Point an Alertmanager webhook receiver here (http_config.authorization with a token from INGEST_TOKENS). Each alert becomes monitor.alert.fired; alerts whose severity label is in INGEST_ALERTMANAGER_INCIDENT_SEVERITIES also open and resolve an incident. Alerts that name no system are listed under `skipped`.",
    requestBody: nativeBody(
      'An Alertmanager webhook notification (version "4").',
      bodyExamples(alertmanagerExamples),
    ),
  }),
};
