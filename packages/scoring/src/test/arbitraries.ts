// fast-check generators of realistic, valid events for a handful of systems and queues.
import type { MaturityEvent } from "@maturity/model";
import fc from "fast-check";
import { event } from "./builders.ts";

export const propertyAsOf = Date.parse("2026-11-24T00:00:00.000Z");
const dayMs = 86_400_000;

const systems = ["alpha", "beta", "gamma"] as const;
const queues = ["q-fair", "q-fifo"] as const;

/** Whole seconds between 200 days before and 20 days after the reference asOf. */
export const timeArb = fc
  .integer({ min: -200 * 86_400, max: 20 * 86_400 })
  .map((s) => new Date(propertyAsOf + s * 1000).toISOString());

const system = fc.constantFrom(...systems);
const version = fc.constantFrom("v1", "v2", "v3");
const deploymentId = fc.constantFrom("d1", "d2", "d3", "d4");

type Make = (subject: string, time: string, id: string) => MaturityEvent;

const makers: fc.Arbitrary<Make>[] = [
  fc
    .record({
      team: fc.constantFrom("core", "search"),
      kind: fc.constantFrom("classical", "llm", "agent" as const),
      riskTier: fc.constantFrom("minimal", "limited", "high" as const),
    })
    .map(
      (d) => (subj, time, id) =>
        event(
          "catalog.system.registered",
          subj,
          time,
          { name: subj, ...d, sources: { gpuQueues: ["q-fair"] } },
          id,
        ),
    ),
  fc.constant<Make>((subj, time, id) => event("catalog.system.retired", subj, time, {}, id)),
  fc
    .record({
      deploymentId,
      version,
      environment: fc.constantFrom("production", "production", "staging"),
      strategy: fc.constantFrom("manual", "scripted", "canary", "shadow", "blue_green" as const),
      gatedByEval: fc.boolean(),
      automated: fc.boolean(),
      status: fc.constantFrom("succeeded", "succeeded", "failed" as const),
      leadHours: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    })
    .map(
      ({ leadHours, ...d }) =>
        (subj, time, id) =>
          event(
            "deploy.completed",
            subj,
            time,
            {
              ...d,
              ...(leadHours !== undefined && {
                changeRequestedAt: new Date(Date.parse(time) - leadHours * 3_600_000).toISOString(),
              }),
            },
            id,
          ),
    ),
  fc
    .record({ version, gate: fc.constantFrom("passed", "failed", "none" as const), shadow: fc.boolean() })
    .map(
      ({ version: v, ...d }) =>
        (subj, time, id) =>
          event("eval.run.completed", subj, time, { suite: "s", modelVersion: v, ...d }, id),
    ),
  fc
    .record({ deploymentId, automatic: fc.boolean() })
    .map((d) => (subj, time, id) => event("deploy.rolled_back", subj, time, d, id)),
  fc
    .record({
      incidentId: fc.constantFrom("i1", "i2", "i3"),
      deploymentId: fc.option(deploymentId, { nil: undefined }),
    })
    .map(
      ({ incidentId, deploymentId: dep }) =>
        (subj, time, id) =>
          event(
            "incident.opened",
            subj,
            time,
            { incidentId, severity: 2, kind: "outage", ...(dep !== undefined && { deploymentId: dep }) },
            id,
          ),
    ),
  fc
    .constantFrom("i1", "i2", "i3")
    .map((incidentId) => (subj, time, id) => event("incident.resolved", subj, time, { incidentId }, id)),
  fc
    .record({
      signal: fc.constantFrom("infra", "drift", "gold_panel", "latency", "training_serving_skew" as const),
      alerting: fc.boolean(),
    })
    .map((d) => (subj, time, id) => event("monitor.configured", subj, time, d, id)),
  fc
    .option(fc.constant("rota"), { nil: undefined })
    .map(
      (rota) => (subj, time, id) =>
        event("gov.owner.assigned", subj, time, { owner: "o", ...(rota && { onCallRotation: rota }) }, id),
    ),
  fc.constant<Make>((subj, time, id) =>
    event("exp.run.logged", subj, time, { runId: id, tracker: "mlflow" }, id),
  ),
  fc
    .record({
      feature: fc.option(fc.constantFrom("search", "chat"), { nil: undefined }),
      costUsd: fc.option(
        fc.integer({ min: 0, max: 1000 }).map((c) => c / 1000),
        { nil: undefined },
      ),
      status: fc.constantFrom("ok", "error" as const),
    })
    .map(
      ({ feature, costUsd, status }) =>
        (subj, time, id) =>
          event(
            "llm.call.completed",
            subj,
            time,
            {
              model: "m",
              inputTokens: 10,
              outputTokens: 5,
              latencyMs: 120,
              status,
              ...(feature !== undefined && { feature }),
              ...(costUsd !== undefined && { costUsd }),
            },
            id,
          ),
    ),
  fc
    .record({ terminatedCorrectly: fc.constantFrom(true, false, null), feature: fc.constantFrom("triage") })
    .map(
      (d) => (subj, time, id) =>
        event(
          "agent.run.completed",
          subj,
          time,
          { ...d, steps: 3, toolCalls: 2, retries: 0, latencyMs: 900, costUsd: 0.01 },
          id,
        ),
    ),
  fc
    .constantFrom("production_sample", "curated" as const)
    .map(
      (source) => (subj, time, id) =>
        event("eval.dataset.updated", subj, time, { suite: "s", source, addedCases: 5 }, id),
    ),
  fc
    .record({
      pipeline: fc.constantFrom("training", "evaluation", "build" as const),
      trigger: fc.constantFrom("manual", "push", "schedule" as const),
    })
    .map(
      (d) => (subj, time, id) =>
        event("ci.pipeline.completed", subj, time, { ...d, status: "succeeded" }, id),
    ),
  fc
    .constantFrom(...queues)
    .map(
      (queue) => (subj, time, id) =>
        event("gpu.job.admitted", subj, time, { queue, jobId: id, gpus: 1, waitSeconds: 10 }, id),
    ),
  fc
    .record({ approved: fc.boolean(), changeRef: deploymentId })
    .map((d) => (subj, time, id) => event("gov.change.reviewed", subj, time, { ...d, reviewer: "r" }, id)),
  fc.record({ auditId: fc.constantFrom("a1", "a2"), delivered: fc.boolean() }).map(
    ({ auditId, delivered }) =>
      (subj, time, id) =>
        delivered
          ? event("gov.audit.delivered", subj, time, { auditId }, id)
          : event("gov.audit.requested", subj, time, { auditId, requestedBy: "x" }, id),
  ),
];

const systemEvent = fc
  .tuple(fc.oneof(...makers), system, timeArb, fc.integer({ min: 0, max: 1_000_000 }))
  .map(([make, subj, time, n]) => make(subj, time, `id-${n}`));

const queueEvent = fc
  .tuple(
    fc.constantFrom(...queues),
    fc.constantFrom("fifo", "fair_share", "priority" as const),
    fc.boolean(),
    timeArb,
    fc.integer({ min: 0, max: 1_000_000 }),
  )
  .map(([queue, policy, preemption, time, n]) =>
    event("gpu.queue.configured", queue, time, { policy, preemption }, `q-${n}`),
  );

/** A list of events with unique (source, id). */
export const eventsArb = fc
  .array(fc.oneof({ arbitrary: systemEvent, weight: 9 }, { arbitrary: queueEvent, weight: 1 }), {
    maxLength: 120,
  })
  .map((events) => {
    const seen = new Set<string>();
    return events.filter((e) => !seen.has(e.id) && seen.add(e.id));
  });

/** An asOf between 120 days before and 10 days after the reference time, on whole minutes. */
export const asOfArb = fc
  .integer({ min: -120 * 24 * 60, max: 10 * 24 * 60 })
  .map((minutes) => propertyAsOf + minutes * 60_000);

export { dayMs };
