// Deployments and the incidents that name them.
import { z } from "zod";
import { dateTime, measure, percent, severity, text } from "./fields.ts";

export const deployEventData = {
  "deploy.completed": z.looseObject({
    deploymentId: text,
    version: text,
    // Free text: teams name environments differently; metrics look for "production".
    environment: text,
    strategy: z.enum(["manual", "scripted", "canary", "shadow", "blue_green"]),
    gatedByEval: z.boolean(),
    automated: z.boolean(),
    changeRequestedAt: dateTime.optional(),
    status: z.enum(["succeeded", "failed"]),
  }),
  "deploy.traffic.shifted": z.looseObject({ deploymentId: text, percent, byPolicy: z.boolean() }),
  "deploy.rolled_back": z.looseObject({
    deploymentId: text,
    automatic: z.boolean(),
    reason: z.string().optional(),
  }),
  "deploy.model_swap.completed": z.looseObject({
    from: text,
    to: text,
    playbook: z.boolean(),
    durationHours: measure("hours"),
  }),
  "incident.opened": z.looseObject({
    incidentId: text,
    severity,
    kind: z.enum(["quality_regression", "outage", "cost", "safety"]),
    deploymentId: text.optional(),
  }),
  "incident.resolved": z.looseObject({ incidentId: text }),
} as const;
