// The CloudEvents the demo emits, and the tools they appear to come from.
import type { EventData, EventType } from "@maturity/model";

export interface DemoEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: EventType;
  time: string;
  subject: string;
  datacontenttype: "application/json";
  data: unknown;
}

/** An event before it gets its id: a time (epoch ms), a type and its data. */
export interface Draft {
  t: number;
  type: EventType;
  data: unknown;
  /** Defaults to the system; GPU queue configuration is about the queue. */
  subject?: string;
}

export function draft<T extends EventType>(t: number, type: T, data: EventData<T>, subject?: string): Draft {
  return subject === undefined ? { t, type, data } : { t, type, data, subject };
}

// One plausible tool per event family, so the portal's source list reads like a real estate.
const sourceByFamily: Record<string, string> = {
  catalog: "https://backstage.demo.example/catalog",
  gov: "https://grc.demo.example",
  exp: "https://mlflow.demo.example",
  registry: "https://mlflow.demo.example/registry",
  prompt: "https://github.com/demo-org",
  llm: "https://otel.demo.example",
  agent: "https://otel.demo.example",
  ci: "https://github.com/demo-org/actions",
  data: "https://dq.demo.example",
  eval: "https://evals.demo.example",
  ml: "https://airflow.demo.example",
  deploy: "https://argo.demo.example",
  incident: "https://pager.demo.example",
  gpu: "https://kueue.demo.example",
  monitor: "https://grafana.demo.example",
};

const sourceCache = new Map<string, string>();

export function sourceOf(type: EventType): string {
  let source = sourceCache.get(type);
  if (source === undefined) {
    source = sourceByFamily[type.slice(0, type.indexOf("."))] ?? "https://events.demo.example";
    sourceCache.set(type, source);
  }
  // The LLM tool catalogue is edited in the gateway, not reported by telemetry.
  return type === "llm.tool_catalog.updated" ? "https://gateway.demo.example" : source;
}

export function envelope(
  id: string,
  subject: string,
  d: Draft,
  time = new Date(d.t).toISOString(),
): DemoEvent {
  return {
    specversion: "1.0",
    id,
    source: sourceOf(d.type),
    type: d.type,
    time,
    subject: d.subject ?? subject,
    datacontenttype: "application/json",
    data: d.data,
  };
}
