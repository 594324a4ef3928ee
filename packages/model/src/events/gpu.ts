import { z } from "zod";
import { count, measure, text } from "./fields.ts";

export const gpuEventData = {
  // The envelope's subject is the queue name here, not a system id.
  "gpu.queue.configured": z.looseObject({
    policy: z.enum(["fifo", "fair_share", "priority"]),
    preemption: z.boolean(),
  }),
  "gpu.job.admitted": z.looseObject({
    queue: text,
    jobId: text,
    gpus: count,
    waitSeconds: measure("seconds"),
    // Schedulers report either a numeric priority or a priority-class name (Kueue).
    priority: z.union([z.int(), text]).optional(),
  }),
  "gpu.job.preempted": z.looseObject({ queue: text, jobId: text }),
  "gpu.job.finished": z.looseObject({ queue: text, jobId: text, gpuHours: measure("hours") }),
} as const;
