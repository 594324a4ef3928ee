// Events and sources for the pack's tests: the catalogue's examples (fraud-scoring has a waiver in
// force on 1 April 2026, revoked later) plus what a pack must sort out: an event of a native id
// the system claims, another system's native id, the system's own telemetry, and one hostile text.
import type { MaturityEvent } from "@maturity/model";
import { exampleEvents } from "@maturity/model";
import { chainHash, genesisHash } from "@maturity/model/chain";
import { builtinPolicy } from "@maturity/policy";
import type { AuditPackOptions, AuditSource, HistoryPoint, SourceEvent } from "../source.ts";

export const systemId = "fraud-scoring";
export const asOfIso = "2026-04-01T00:00:00Z";
export const asOf = Date.parse(asOfIso);
export const nativeIds = ["repo:acme/fraud-scoring"];

const extra: MaturityEvent[] = [
  {
    specversion: "1.0",
    id: "ci-native-0001",
    source: "https://github.com/acme/fraud-scoring/actions",
    type: "ci.pipeline.completed",
    time: "2026-03-03T02:15:00Z",
    subject: "unmapped:repo:acme/fraud-scoring",
    data: {
      pipeline: "training",
      status: "succeeded",
      trigger: "schedule",
      commitSha: "9a8b7c6",
      durationSeconds: 1700,
    },
  },
  {
    specversion: "1.0",
    id: "ci-other-0001",
    source: "https://github.com/acme/other/actions",
    type: "ci.pipeline.completed",
    time: "2026-03-03T02:15:00Z",
    subject: "unmapped:repo:acme/other",
    data: {
      pipeline: "training",
      status: "failed",
      trigger: "push",
      commitSha: "1111111",
      durationSeconds: 10,
    },
  },
  {
    specversion: "1.0",
    id: "span-fraud-0001",
    source: "/v1/otlp/v1/traces",
    type: "llm.call.completed",
    time: "2026-03-04T12:00:01.250Z",
    subject: systemId,
    data: {
      feature: "explanations",
      model: "gpt-4.1-2025-04-14",
      provider: "openai",
      inputTokens: 900,
      outputTokens: 100,
      costUsd: 0.002,
      latencyMs: 900,
      status: "ok",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4737",
    },
  },
  {
    specversion: "1.0",
    id: "span-fraud-late",
    source: "/v1/otlp/v1/traces",
    type: "llm.call.completed",
    time: "2026-05-04T12:00:00Z",
    subject: systemId,
    data: {
      feature: "explanations",
      model: "gpt-4.1-2025-04-14",
      provider: "openai",
      inputTokens: 900,
      outputTokens: 100,
      costUsd: 0.002,
      latencyMs: 900,
      status: "ok",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4738",
    },
  } as MaturityEvent,
];

/** Every event in "file" order; the system's own are stored in this order too. */
export const fixtureEvents: MaturityEvent[] = [
  ...exampleEvents.map((event) =>
    event.id === "gov-0001" && event.type === "gov.owner.assigned"
      ? { ...event, data: { ...event.data, onCallRotation: 'risk-ml <primary> & "night"' } }
      : event,
  ),
  ...extra,
];

/** A source over a list, as a file is: no stored hashes, everything in file order. */
export function listSource(events: readonly MaturityEvent[], history?: HistoryPoint[]): AuditSource {
  return {
    systemId,
    nativeIds,
    async *events() {
      for (const event of events) yield { event };
    },
    ...(history !== undefined && { history: async () => history }),
  };
}

/**
 * A source as the event store gives it: the system's own events first with their stored hashes in
 * chain order, then the rest; `tamper` changes a stored hash to see the pack refuse it.
 */
export function storedSource(
  events: readonly MaturityEvent[],
  options: { tamper?: number; history?: HistoryPoint[] } = {},
): AuditSource {
  const own = events.filter((e) => e.subject === systemId && e.type !== "llm.call.completed");
  const rest = events.filter((e) => !own.includes(e));
  return {
    systemId,
    nativeIds,
    async *events(): AsyncGenerator<SourceEvent> {
      let head = genesisHash;
      for (const [index, event] of own.entries()) {
        head = chainHash(head, event);
        yield { event, hash: index + 1 === options.tamper ? "f".repeat(64) : head };
      }
      for (const event of rest) yield { event };
    },
    ...(options.history !== undefined && { history: async () => options.history! }),
  };
}

export function packOptions(overrides: Partial<AuditPackOptions> = {}): AuditPackOptions {
  return { asOf, policy: builtinPolicy(), generator: "@maturity/audit tests", ...overrides };
}
