// Example bodies of the bearer-token sources that are not webhooks of a product: a Kueue event
// forwarder, an OpenLineage HTTP transport and an OTLP/JSON trace exporter. Names are made up.
import type { RouteExample } from "./types.ts";

export const kueueExamples = {
  admitted: {
    summary: "A Workload admitted (events.k8s.io/v1 Event): becomes gpu.job.admitted with the wait",
    value: {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: "job-train-abc.Admitted", namespace: "team-ml", uid: "3f0c9a52-admitted" },
      eventTime: "2026-03-01T12:00:00.000000Z",
      reportingController: "kueue-admission",
      reason: "Admitted",
      note: "Admitted by ClusterQueue gpu-a100, wait time since reservation was 95s",
      type: "Normal",
      regarding: {
        kind: "Workload",
        apiVersion: "kueue.x-k8s.io/v1beta1",
        name: "job-train-abc",
        namespace: "team-ml",
        uid: "wl-7d2e",
      },
    },
  },
} satisfies Record<string, RouteExample>;

export const lineageExamples = {
  complete: {
    summary: "A COMPLETE RunEvent: becomes exp.run.logged with the code and dataset versions",
    value: {
      eventType: "COMPLETE",
      eventTime: "2026-03-01T12:00:00.000Z",
      run: { runId: "0176a8c2-fe01-7439-87e6-56a1a1b4029f", facets: {} },
      job: {
        namespace: "ml-pipelines",
        name: "fraud.train",
        facets: {
          sourceCodeLocation: {
            _producer: "https://github.com/OpenLineage/OpenLineage/tree/1.0.0/client/python",
            _schemaURL: "https://openlineage.io/spec/facets/1-0-0/SourceCodeLocationJobFacet.json",
            type: "git",
            url: "https://github.com/acme/fraud-model/blob/9f2c1e0/train.py",
            repoUrl: "git@github.com:acme/fraud-model.git",
            version: "9f2c1e0",
          },
        },
      },
      inputs: [
        { namespace: "s3://lake", name: "transactions", facets: { version: { datasetVersion: "v42" } } },
      ],
      outputs: [{ namespace: "s3://models", name: "fraud", facets: { version: { datasetVersion: "7" } } }],
      producer: "https://github.com/OpenLineage/OpenLineage/tree/1.0.0/client/python",
      schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
    },
  },
} satisfies Record<string, RouteExample>;

const attribute = (key: string, value: Record<string, unknown>) => ({ key, value });

export const otlpExamples = {
  chatSpan: {
    summary: "One GenAI chat span: becomes llm.call.completed (tokens, latency; cost from INGEST_LLM_PRICES)",
    value: {
      resourceSpans: [
        {
          resource: {
            attributes: [
              attribute("service.name", { stringValue: "support-bot" }),
              attribute("maturity.feature", { stringValue: "answers" }),
            ],
          },
          scopeSpans: [
            {
              scope: { name: "openai-instrumentation" },
              spans: [
                {
                  traceId: "5b8efff798038103d269b633813fc60c",
                  spanId: "eee19b7ec3c1b174",
                  name: "chat gpt-4o",
                  kind: 3,
                  startTimeUnixNano: "1772366400000000000",
                  endTimeUnixNano: "1772366400850000000",
                  attributes: [
                    attribute("gen_ai.operation.name", { stringValue: "chat" }),
                    attribute("gen_ai.provider.name", { stringValue: "openai" }),
                    attribute("gen_ai.request.model", { stringValue: "gpt-4o" }),
                    attribute("gen_ai.usage.input_tokens", { intValue: "1000" }),
                    attribute("gen_ai.usage.output_tokens", { intValue: 200 }),
                  ],
                  status: {},
                },
              ],
            },
          ],
        },
      ],
    },
  },
} satisfies Record<string, RouteExample>;
