import { nativeIdKindNames } from "@maturity/model";
import { Counter, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one ingest plugin instance (own registry, so several apps can coexist). */
export interface IngestMetrics {
  registry: Registry;
  accepted: Counter<"route" | "type">;
  rejected: Counter<"route" | "reason">;
  ignored: Counter<"route">;
  /** By kind of native id (repo, registryModel, service, gpuQueue). */
  unmapped: Counter<"kind">;
  appendSeconds: Histogram<"outcome">;
}

export function createIngestMetrics(): IngestMetrics {
  const registry = new Registry();
  const metrics: IngestMetrics = {
    registry,
    accepted: new Counter({
      name: "ingest_events_accepted_total",
      help: "Events appended to the log and acknowledged, by route and event type.",
      labelNames: ["route", "type"],
      registers: [registry],
    }),
    rejected: new Counter({
      name: "ingest_requests_rejected_total",
      help: "Requests answered with an error, by route and reason (the error code of the response).",
      labelNames: ["route", "reason"],
      registers: [registry],
    }),
    ignored: new Counter({
      name: "ingest_deliveries_ignored_total",
      help: "Authenticated deliveries that carried no evidence (2xx, nothing appended).",
      labelNames: ["route"],
      registers: [registry],
    }),
    unmapped: new Counter({
      name: "ingest_events_unmapped_total",
      help: "Events whose native identifier maps to no system yet (kept with an unmapped subject).",
      labelNames: ["kind"],
      registers: [registry],
    }),
    appendSeconds: new Histogram({
      name: "ingest_append_duration_seconds",
      help: "Time from handing records to the event log to its acknowledgement.",
      labelNames: ["outcome"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  // Every kind of native id (packages/model) has its unmapped series from the start, at zero.
  for (const kind of nativeIdKindNames) metrics.unmapped.inc({ kind }, 0);
  return metrics;
}
