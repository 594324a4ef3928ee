import { z } from "zod";
import { severity } from "./fields.ts";

const signal = z.enum([
  "infra",
  "drift",
  "gold_panel",
  "prediction_distribution",
  "training_serving_skew",
  "cost",
  "latency",
  "trajectory",
]);

export const monitorEventData = {
  "monitor.configured": z.looseObject({ signal, alerting: z.boolean() }),
  "monitor.alert.fired": z.looseObject({ signal, severity }),
} as const;
