import type { MaturityEvent } from "@maturity/model";

/** An llm.call.completed of the support assistant's chat feature: 100 tokens in, 20 out, $0.01. */
export function llmCall(id: string, time: string, latencyMs: number): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: "otel://checkout",
    type: "llm.call.completed",
    time,
    subject: "support-assistant",
    data: {
      model: "m",
      inputTokens: 100,
      outputTokens: 20,
      latencyMs,
      status: "ok",
      costUsd: 0.01,
      feature: "chat",
    },
  } as MaturityEvent;
}
