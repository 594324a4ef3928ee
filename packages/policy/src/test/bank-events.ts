// A small bank's events for tests: systems of each kind and risk tier whose scores move under the
// example policy (monthly releases, an evaluation recorded for all but one release, …).
import type { MaturityEvent } from "@maturity/model";

export const bankAsOf = "2026-06-01T00:00:00.000Z";
const dayMs = 86_400_000;

interface SystemPlan {
  id: string;
  team: string;
  kind: "classical" | "llm" | "agent";
  riskTier: "minimal" | "limited" | "high";
  /** Days between production releases. */
  everyDays: number;
  /** Every how many releases one goes out without an evaluation (0: never). */
  unevaluatedEvery: number;
  fairnessChecked?: boolean;
}

export const bankSystems: SystemPlan[] = [
  {
    id: "credit-scorecard",
    team: "credit-risk",
    kind: "classical",
    riskTier: "high",
    everyDays: 28,
    unevaluatedEvery: 0,
    fairnessChecked: true,
  },
  {
    id: "collections-model",
    team: "credit-risk",
    kind: "classical",
    riskTier: "limited",
    everyDays: 7,
    unevaluatedEvery: 0,
  },
  {
    id: "support-assistant",
    team: "service",
    kind: "llm",
    riskTier: "high",
    everyDays: 7,
    unevaluatedEvery: 0,
  },
  {
    id: "ops-agent",
    team: "operations",
    kind: "agent",
    riskTier: "minimal",
    everyDays: 7,
    unevaluatedEvery: 20,
  },
];

export function bankEvents(): MaturityEvent[] {
  const events: MaturityEvent[] = [];
  const start = Date.parse(bankAsOf) - 200 * dayMs;
  let n = 0;
  const add = (type: string, subject: string, time: number, data: Record<string, unknown>) =>
    events.push({
      specversion: "1.0",
      id: `bank-${++n}`,
      source: "https://tests.bank.example",
      type,
      time: new Date(time).toISOString(),
      subject,
      data,
    } as MaturityEvent);
  for (const s of bankSystems) {
    add("catalog.system.registered", s.id, start, {
      name: s.id,
      team: s.team,
      kind: s.kind,
      riskTier: s.riskTier,
    });
    add("gov.owner.assigned", s.id, start + dayMs, { owner: `${s.team}-lead` });
    let release = 0;
    for (let t = start + 2 * dayMs; t < Date.parse(bankAsOf); t += s.everyDays * dayMs) {
      release++;
      const version = `${s.id}:${release}`;
      const evaluated = s.unevaluatedEvery === 0 || release % s.unevaluatedEvery !== 0;
      if (evaluated)
        add("eval.run.completed", s.id, t - 3_600_000, {
          suite: "regression",
          modelVersion: version,
          gate: "passed",
        });
      add("deploy.completed", s.id, t, {
        deploymentId: `${s.id}-${release}`,
        version,
        environment: "production",
        strategy: "canary",
        gatedByEval: evaluated,
        automated: true,
        status: "succeeded",
      });
    }
    if (s.fairnessChecked)
      add("gov.fairness.checked", s.id, Date.parse(bankAsOf) - 30 * dayMs, {
        dimensions: ["age", "sex"],
        thresholdsDocumented: true,
        passed: true,
      });
  }
  return events;
}
