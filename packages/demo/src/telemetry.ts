// Per-request LLM telemetry and agent trajectories: the high-volume part of the history. What a
// record carries depends on the system's observability level (cost and feature tags, recorded
// termination), which is what the scorer reads from it.
import type { PlannedSystem } from "./organisation.ts";
import type { Prng } from "./prng.ts";

// USD per 1,000 tokens (input, output); rough public list prices, enough for a believable spread.
const prices: Record<string, [number, number]> = {
  "gpt-4.1-mini": [0.0004, 0.0016],
  "gpt-4.1": [0.002, 0.008],
  "claude-sonnet-4": [0.003, 0.015],
  "claude-haiku-4": [0.001, 0.005],
  "llama-3.1-70b": [0.0006, 0.0008],
  "mistral-large": [0.002, 0.006],
};

/** Share of calls tagged with the product feature they serve, by observability level. */
function attributedShare(observability: number): number {
  return observability >= 4 ? 0.98 : observability === 3 ? 0.75 : 0.4;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function llmCallData(
  system: PlannedSystem,
  observability: number,
  rng: Prng,
): Record<string, unknown> {
  const inputTokens = Math.round(rng.skewed(900, 0.6));
  const outputTokens = Math.round(rng.skewed(250, 0.6));
  const data: Record<string, unknown> = {};
  if (system.features.length > 0 && rng.chance(attributedShare(observability))) {
    data.feature = rng.pick(system.features);
  }
  data.model = system.model;
  if (system.provider !== undefined) data.provider = system.provider;
  data.inputTokens = inputTokens;
  data.outputTokens = outputTokens;
  // Below level 3 spend is only known from the vendor's invoice, not per request.
  if (observability >= 3) {
    const [inPrice, outPrice] = prices[system.model] ?? [0.001, 0.004];
    data.costUsd = round6((inputTokens * inPrice + outputTokens * outPrice) / 1000);
  }
  data.latencyMs = Math.round(rng.skewed(system.kind === "agent" ? 1500 : 850, 0.45));
  data.status = rng.chance(0.985) ? "ok" : "error";
  return data;
}

export function agentRunData(
  system: PlannedSystem,
  observability: number,
  rng: Prng,
): Record<string, unknown> {
  const steps = rng.int(2, 12);
  const data: Record<string, unknown> = {};
  if (system.features.length > 0 && rng.chance(attributedShare(observability))) {
    data.feature = rng.pick(system.features);
  }
  data.steps = steps;
  data.toolCalls = rng.int(1, steps);
  data.retries = rng.chance(0.15) ? rng.int(1, 3) : 0;
  // Whether the run stopped correctly is only known once trajectories are instrumented (level 3).
  data.terminatedCorrectly = observability >= 3 ? rng.chance(0.92) : null;
  data.latencyMs = Math.round(rng.skewed(9000, 0.5));
  if (observability >= 3) data.costUsd = round6(steps * rng.between(0.004, 0.02));
  return data;
}

/** How many requests a system serves on one day: its own scale around the configured mean. */
export function dailyVolume(meanPerDay: number, scale: number, rng: Prng): number {
  if (meanPerDay <= 0) return 0;
  return Math.max(0, Math.round(meanPerDay * scale * rng.between(0.8, 1.2)));
}
