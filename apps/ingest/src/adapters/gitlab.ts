import { z } from "zod";
import { normaliseEnvironment } from "./github.ts";
import { pipelineKindFromName } from "./pipeline-kind.ts";
import { compact, ignored, type AdapterResult } from "./draft.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

export interface GitlabDelivery {
  /** X-Gitlab-Event, e.g. "Pipeline Hook". */
  event: string;
  /** X-Gitlab-Event-UUID: kept on a retry, so it is the CloudEvent id. */
  deliveryId: string;
  payload: unknown;
  now: Date;
}

const project = z.object({ path_with_namespace: z.string().min(1) });

const pipelinePayload = z.object({
  project,
  object_attributes: z.object({
    id: z.number(),
    name: z.string().nullish(),
    ref: z.string().nullish(),
    sha: z.string().nullish(),
    status: z.string(),
    source: z.string().nullish(),
    duration: z.number().nullish(),
    created_at: z.string().nullish(),
    finished_at: z.string().nullish(),
  }),
});

const deploymentPayload = z.object({
  project,
  status: z.string(),
  deployment_id: z.number(),
  environment: z.string().min(1),
  environment_tier: z.string().nullish(),
  sha: z.string().nullish(),
  short_sha: z.string().nullish(),
  ref: z.string().nullish(),
  status_changed_at: z.string().nullish(),
});

/** Maps one GitLab webhook delivery (Pipeline Hook, Deployment Hook) to catalogue events. */
export function mapGitlabDelivery(delivery: GitlabDelivery): AdapterResult {
  switch (delivery.event) {
    case "Pipeline Hook":
      return pipeline(delivery);
    case "Deployment Hook":
      return deployment(delivery);
    default:
      return ignored(`GitLab ${JSON.stringify(delivery.event)} carries no maturity evidence`);
  }
}

function pipeline(delivery: GitlabDelivery): AdapterResult {
  const payload = parsePayload(pipelinePayload, delivery.payload, "GitLab Pipeline Hook payload");
  const run = payload.object_attributes;
  const status = { success: "succeeded", failed: "failed", canceled: "cancelled", cancelled: "cancelled" }[
    run.status
  ] as "succeeded" | "failed" | "cancelled" | undefined;
  if (status === undefined) return ignored(`pipeline ${run.status}: not a finished pipeline`);
  const fullName = payload.project.path_with_namespace;
  return {
    drafts: [
      {
        type: "ci.pipeline.completed",
        id: delivery.deliveryId,
        source: `gitlab://${fullName}`,
        time: toRfc3339(run.finished_at) ?? delivery.now.toISOString(),
        ref: { kind: "repo", id: fullName },
        data: compact({
          // `workflow:name` in .gitlab-ci.yml names the pipeline; see the README's convention.
          pipeline: pipelineKindFromName(run.name ?? undefined),
          status,
          trigger: triggerOf(run.source),
          commitSha: run.sha ?? undefined,
          durationSeconds:
            run.duration !== null && run.duration !== undefined && run.duration >= 0
              ? run.duration
              : undefined,
          workflow: run.name ?? undefined,
          runId: String(run.id),
        }),
      },
    ],
  };
}

function deployment(delivery: GitlabDelivery): AdapterResult {
  const payload = parsePayload(deploymentPayload, delivery.payload, "GitLab Deployment Hook payload");
  const status =
    payload.status === "success" ? "succeeded" : payload.status === "failed" ? "failed" : undefined;
  if (status === undefined) return ignored(`deployment ${payload.status}: not a finished deployment`);
  const fullName = payload.project.path_with_namespace;
  return {
    drafts: [
      {
        type: "deploy.completed",
        id: delivery.deliveryId,
        source: `gitlab://${fullName}`,
        time: toRfc3339(payload.status_changed_at) ?? delivery.now.toISOString(),
        ref: { kind: "repo", id: fullName },
        data: compact({
          deploymentId: String(payload.deployment_id),
          version: payload.sha ?? payload.short_sha ?? payload.ref ?? "unknown",
          environment:
            payload.environment_tier === "production"
              ? "production"
              : normaliseEnvironment(payload.environment),
          // A GitLab deployment is a CI job running a script.
          strategy: "scripted",
          gatedByEval: false,
          automated: true,
          status,
          ref: payload.ref ?? undefined,
        }),
      },
    ],
  };
}

function triggerOf(source: string | null | undefined) {
  switch (source) {
    case "schedule":
      return "schedule" as const;
    case "web":
    case "chat":
      return "manual" as const;
    case "api":
    case "trigger":
    case "pipeline":
    case "parent_pipeline":
    case "external":
      return "signal" as const;
    default:
      return "push" as const;
  }
}
