// Small event builders for tests: valid CloudEvents with readable defaults.
import type { EventData, EventOf, EventType, MaturityEvent, RiskTier, SystemKind } from "@maturity/model";

const dayMs = 86_400_000;
let counter = 0;

/** A time `days` (may be fractional) before `asOf`, as an RFC 3339 string. */
export function daysBefore(asOf: string, days: number): string {
  return new Date(Date.parse(asOf) - days * dayMs).toISOString();
}
export function hoursAfter(time: string, hours: number): string {
  return new Date(Date.parse(time) + hours * 3_600_000).toISOString();
}

export function event<T extends EventType>(
  type: T,
  subject: string,
  time: string,
  data: EventData<T>,
  id = `e${++counter}`,
): EventOf<T> {
  return {
    specversion: "1.0",
    id,
    source: "test",
    type,
    time,
    subject,
    datacontenttype: "application/json",
    data,
  } as EventOf<T>;
}

export function register(
  subject: string,
  time: string,
  opts: { team?: string; kind?: SystemKind; riskTier?: RiskTier; name?: string; gpuQueues?: string[] } = {},
): MaturityEvent {
  return event("catalog.system.registered", subject, time, {
    name: opts.name ?? subject,
    team: opts.team ?? "core",
    kind: opts.kind ?? "classical",
    riskTier: opts.riskTier ?? "limited",
    ...(opts.gpuQueues && { sources: { gpuQueues: opts.gpuQueues } }),
  });
}

export function deploy(
  subject: string,
  time: string,
  opts: Partial<EventData<"deploy.completed">> = {},
): EventOf<"deploy.completed"> {
  return event("deploy.completed", subject, time, {
    deploymentId: opts.deploymentId ?? `d-${++counter}`,
    version: opts.version ?? `v-${counter}`,
    environment: "production",
    strategy: "scripted",
    gatedByEval: false,
    automated: false,
    status: "succeeded",
    ...opts,
  });
}

export function evalRun(
  subject: string,
  time: string,
  version: string,
  opts: Partial<EventData<"eval.run.completed">> = {},
): MaturityEvent {
  return event("eval.run.completed", subject, time, {
    suite: "regression",
    modelVersion: version,
    gate: "none",
    ...opts,
  });
}

/** One call per week, `weeks` weeks back from asOf (offset by `dayOffset` days inside each week). */
export function weekly(
  asOf: string,
  weeks: number,
  make: (time: string, week: number) => MaturityEvent[],
  dayOffset = 1,
) {
  const events: MaturityEvent[] = [];
  for (let w = 0; w < weeks; w++) events.push(...make(daysBefore(asOf, w * 7 + dayOffset), w));
  return events;
}

/**
 * A classical system that does everything level 2 asks and nothing of level 3, on every axis:
 * tracked runs, pinned registry versions, weekly scripted deploys of evaluated versions,
 * infrastructure monitoring, a named owner.
 */
export function levelTwoSystem(
  subject: string,
  asOf: string,
  opts: { team?: string; kind?: SystemKind } = {},
) {
  const start = daysBefore(asOf, 200);
  const events: MaturityEvent[] = [
    register(subject, start, { team: opts.team ?? "core", kind: opts.kind ?? "classical" }),
    event("gov.owner.assigned", subject, start, { owner: "alice" }),
    event("monitor.configured", subject, start, { signal: "infra", alerting: false }),
  ];
  if (opts.kind === "llm" || opts.kind === "agent")
    events.push(event("prompt.version.committed", subject, start, { promptId: "main", version: "1" }));
  events.push(
    ...weekly(asOf, 14, (time, w) => {
      const version = `${subject}-v${w}`;
      return [
        event("exp.run.logged", subject, daysBefore(time, 1), {
          runId: `${subject}-r${w}`,
          tracker: "mlflow",
        }),
        event("registry.model_version.registered", subject, daysBefore(time, 0.5), {
          model: subject,
          version,
          runId: `${subject}-r${w}`,
          codeVersion: "abc",
          dataVersion: "d1",
        }),
        evalRun(subject, daysBefore(time, 0.25), version),
        deploy(subject, time, { version, deploymentId: `${subject}-d${w}` }),
      ];
    }),
  );
  return events;
}

/** A waiver of `criterionId` granted at `time`, running until `expiresAt`. */
export function grantWaiver(
  subject: string,
  time: string,
  criterionId: string,
  expiresAt: string,
  id?: string,
): EventOf<"gov.waiver.granted"> {
  const data = {
    criterionId,
    reason: "Not applicable this quarter.",
    approver: "cro@example.com",
    expiresAt,
  };
  return event("gov.waiver.granted", subject, time, data, id);
}

export function revokeWaiver(
  subject: string,
  time: string,
  criterionId: string,
  id?: string,
): EventOf<"gov.waiver.revoked"> {
  return event("gov.waiver.revoked", subject, time, { criterionId }, id);
}
