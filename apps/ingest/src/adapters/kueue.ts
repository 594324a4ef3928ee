import { z } from "zod";
import { compact, ignored, type AdapterResult, type EventDraft } from "./draft.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

const quantity = z.union([z.string(), z.number()]);

/** The Kueue Workload, when the forwarder attaches it: the only place GPUs and admission times are. */
const workloadSchema = z
  .object({
    spec: z
      .object({
        queueName: z.string().nullish(),
        podSets: z
          .array(
            z.object({
              count: z.number().int().min(0).nullish(),
              template: z
                .object({
                  spec: z
                    .object({
                      containers: z
                        .array(
                          z.object({
                            resources: z
                              .object({
                                requests: z.record(z.string(), quantity).nullish(),
                                limits: z.record(z.string(), quantity).nullish(),
                              })
                              .nullish(),
                          }),
                        )
                        .nullish(),
                    })
                    .nullish(),
                })
                .nullish(),
            }),
          )
          .nullish(),
      })
      .nullish(),
    status: z
      .object({
        admission: z.object({ clusterQueue: z.string().nullish() }).nullish(),
        conditions: z
          .array(
            z.object({
              type: z.string(),
              status: z.string().nullish(),
              lastTransitionTime: z.string().nullish(),
            }),
          )
          .nullish(),
      })
      .nullish(),
    metadata: z.object({ creationTimestamp: z.string().nullish() }).nullish(),
  })
  .nullish();

const eventSchema = z.object({
  apiVersion: z.string().nullish(),
  kind: z.literal("Event", { error: 'expected "Event" (an events.k8s.io/v1 Event)' }),
  metadata: z.object({ name: z.string().min(1), namespace: z.string().nullish(), uid: z.string().nullish() }),
  eventTime: z.string().nullish(),
  deprecatedLastTimestamp: z.string().nullish(),
  reason: z.string().min(1),
  note: z.string().nullish(),
  reportingController: z.string().nullish(),
  regarding: z.object({
    kind: z.string().min(1),
    name: z.string().min(1),
    namespace: z.string().nullish(),
    uid: z.string().nullish(),
  }),
  workload: workloadSchema,
});

type KueueEvent = z.infer<typeof eventSchema>;
type Workload = NonNullable<z.infer<typeof workloadSchema>>;

/**
 * Maps a Kubernetes Event about a Kueue Workload: QuotaReserved/Admitted → gpu.job.admitted
 * (one id per workload, so the two reasons give one admission), Preempted (and Evicted by
 * preemption) → gpu.job.preempted, Finished → gpu.job.finished.
 */
export function mapKueueEvent(payload: unknown, now: Date): AdapterResult {
  const event = parsePayload(eventSchema, payload, "Kubernetes events.k8s.io/v1 Event");
  if (event.regarding.kind !== "Workload") {
    return ignored(`an Event about a ${event.regarding.kind}, not a Kueue Workload`);
  }
  const namespace = event.regarding.namespace ?? event.metadata.namespace ?? "default";
  const jobId = `${namespace}/${event.regarding.name}`;
  const workloadKey = event.regarding.uid ?? jobId;
  const queue = clusterQueueOf(event) ?? event.workload?.spec?.queueName ?? namespace;
  const time = toRfc3339(event.eventTime) ?? toRfc3339(event.deprecatedLastTimestamp) ?? now.toISOString();
  const base = (type: EventDraft["type"], id: string, data: Record<string, unknown>): AdapterResult => ({
    drafts: [{ type, id, source: `kueue://${namespace}`, time, ref: { kind: "gpuQueue", id: queue }, data }],
  });
  const gpus = gpusOf(event.workload);
  switch (event.reason) {
    case "QuotaReserved":
    case "Admitted":
      return base(
        "gpu.job.admitted",
        `${workloadKey}:admitted`,
        compact({
          queue,
          jobId,
          gpus: gpus ?? 0,
          gpusKnown: gpus !== undefined,
          waitSeconds: waitSecondsOf(event) ?? 0,
          reason: event.reason,
        }),
      );
    case "Preempted":
      return base(
        "gpu.job.preempted",
        `${workloadKey}:preempted:${event.metadata.uid ?? event.metadata.name}`,
        {
          queue,
          jobId,
        },
      );
    case "Evicted":
      if (!/preempt/i.test(event.note ?? ""))
        return ignored(`eviction not caused by preemption: ${event.note ?? ""}`);
      return base(
        "gpu.job.preempted",
        `${workloadKey}:preempted:${event.metadata.uid ?? event.metadata.name}`,
        {
          queue,
          jobId,
        },
      );
    case "Finished": {
      const hours = gpuHoursOf(event.workload, gpus, time);
      return base(
        "gpu.job.finished",
        `${workloadKey}:finished`,
        compact({ queue, jobId, gpuHours: hours ?? 0, gpuHoursKnown: hours !== undefined }),
      );
    }
    default:
      return ignored(`Kueue reason ${event.reason} carries no maturity evidence`);
  }
}

/** Kueue's notes name the ClusterQueue: "Quota reserved in ClusterQueue gpu-a100, wait time …". */
function clusterQueueOf(event: KueueEvent): string | undefined {
  return (
    /ClusterQueue\s+([\w.-]+)/.exec(event.note ?? "")?.[1] ??
    event.workload?.status?.admission?.clusterQueue ??
    undefined
  );
}

const unitSeconds: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** From the workload's creation to its admission when attached, else the "wait time … was 12s" of the note. */
function waitSecondsOf(event: KueueEvent): number | undefined {
  const created = toRfc3339(event.workload?.metadata?.creationTimestamp);
  const admittedAt =
    conditionTime(event.workload, "QuotaReserved") ?? conditionTime(event.workload, "Admitted");
  if (created !== undefined && admittedAt !== undefined) {
    const seconds = (Date.parse(admittedAt) - Date.parse(created)) / 1000;
    if (seconds >= 0) return seconds;
  }
  const match = /wait time since \w+ was ([\d.]+)(ms|s|m|h)/.exec(event.note ?? "");
  if (match === null) return undefined;
  const seconds = Number(match[1]) * unitSeconds[match[2]!]!;
  return Number.isFinite(seconds) ? seconds : undefined;
}

function conditionTime(workload: Workload | null | undefined, type: string): string | undefined {
  const condition = workload?.status?.conditions?.find(
    (item) => item.type === type && item.status !== "False",
  );
  return toRfc3339(condition?.lastTransitionTime);
}

const gpuResource = /(^|\/)gpu$/;

function gpusOf(workload: Workload | null | undefined): number | undefined {
  const podSets = workload?.spec?.podSets;
  if (!podSets) return undefined;
  let total = 0;
  for (const podSet of podSets) {
    let perPod = 0;
    for (const container of podSet.template?.spec?.containers ?? []) {
      const resources = { ...container.resources?.limits, ...container.resources?.requests };
      for (const [name, value] of Object.entries(resources)) {
        const amount = Number(value);
        if (gpuResource.test(name) && Number.isFinite(amount) && amount > 0) perPod += amount;
      }
    }
    total += perPod * (podSet.count ?? 1);
  }
  return Number.isInteger(total) ? total : Math.ceil(total);
}

function gpuHoursOf(
  workload: Workload | null | undefined,
  gpus: number | undefined,
  finishedAt: string,
): number | undefined {
  const admittedAt = conditionTime(workload, "Admitted") ?? conditionTime(workload, "QuotaReserved");
  if (gpus === undefined || admittedAt === undefined) return undefined;
  const hours = ((Date.parse(finishedAt) - Date.parse(admittedAt)) / 3_600_000) * gpus;
  return hours >= 0 ? Math.round(hours * 1e6) / 1e6 : undefined;
}
