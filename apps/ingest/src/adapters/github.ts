import { z } from "zod";
import { pipelineKindFromName } from "./pipeline-kind.ts";
import { compact, ignored, type AdapterResult, type EventDraft } from "./draft.ts";
import { parsePayload } from "./payload.ts";
import { secondsBetween, toRfc3339 } from "./time.ts";

export interface GithubDelivery {
  /** X-GitHub-Event. */
  event: string;
  /** X-GitHub-Delivery: the same on a redelivery, so it is the CloudEvent id. */
  deliveryId: string;
  payload: unknown;
  now: Date;
}

const repository = z.object({ full_name: z.string().min(1) });

const workflowRunPayload = z.object({
  action: z.string(),
  repository,
  workflow_run: z.object({
    id: z.number(),
    name: z.string().nullish(),
    event: z.string().nullish(),
    conclusion: z.string().nullish(),
    head_sha: z.string().nullish(),
    run_started_at: z.string().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
});

const workflowJobPayload = z.object({
  action: z.string(),
  repository,
  workflow_job: z.object({
    id: z.number(),
    run_id: z.number().nullish(),
    name: z.string().nullish(),
    workflow_name: z.string().nullish(),
    conclusion: z.string().nullish(),
    head_sha: z.string().nullish(),
    started_at: z.string().nullish(),
    completed_at: z.string().nullish(),
  }),
});

const deploymentStatusPayload = z.object({
  repository,
  deployment_status: z.object({
    state: z.string(),
    environment: z.string().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
  }),
  deployment: z.object({
    id: z.number(),
    sha: z.string().nullish(),
    ref: z.string().nullish(),
    environment: z.string().nullish(),
    production_environment: z.boolean().nullish(),
    created_at: z.string().nullish(),
    payload: z.unknown().optional(),
    creator: z.object({ type: z.string().nullish() }).nullish(),
    performed_via_github_app: z.unknown().optional(),
  }),
});

const releasePayload = z.object({
  action: z.string(),
  repository: repository.extend({ name: z.string().min(1) }),
  release: z.object({
    tag_name: z.string().min(1),
    draft: z.boolean().nullish(),
    prerelease: z.boolean().nullish(),
    published_at: z.string().nullish(),
    html_url: z.string().nullish(),
  }),
});

/** Maps one GitHub webhook delivery to catalogue events (see the README for every rule). */
export function mapGithubDelivery(delivery: GithubDelivery): AdapterResult {
  switch (delivery.event) {
    case "ping":
      return ignored("ping received; the webhook is set up");
    case "workflow_run":
      return workflowRun(delivery);
    case "workflow_job":
      return workflowJob(delivery);
    case "deployment":
      return ignored("a created deployment is not evidence yet; its deployment_status success/failure is");
    case "deployment_status":
      return deploymentStatus(delivery);
    case "release":
      return release(delivery);
    default:
      return ignored(`GitHub event ${JSON.stringify(delivery.event)} carries no maturity evidence`);
  }
}

function base(delivery: GithubDelivery, fullName: string, time: unknown): Omit<EventDraft, "type" | "data"> {
  return {
    id: delivery.deliveryId,
    source: `github://${fullName}`,
    time: toRfc3339(time) ?? delivery.now.toISOString(),
    ref: { kind: "repo", id: fullName },
  };
}

function workflowRun(delivery: GithubDelivery): AdapterResult {
  const payload = parsePayload(workflowRunPayload, delivery.payload, "GitHub workflow_run payload");
  const run = payload.workflow_run;
  if (payload.action !== "completed")
    return ignored(`workflow_run ${payload.action}: only completed runs are evidence`);
  const status = pipelineStatus(run.conclusion);
  if (status === undefined)
    return ignored(`workflow_run concluded ${String(run.conclusion)}: not a pipeline outcome`);
  return {
    drafts: [
      {
        ...base(delivery, payload.repository.full_name, run.updated_at),
        type: "ci.pipeline.completed",
        data: compact({
          pipeline: pipelineKindFromName(run.name ?? undefined),
          status,
          trigger: triggerOf(run.event),
          commitSha: run.head_sha ?? undefined,
          durationSeconds: secondsBetween(run.run_started_at ?? run.created_at, run.updated_at),
          workflow: run.name ?? undefined,
          runId: String(run.id),
        }),
      },
    ],
  };
}

function workflowJob(delivery: GithubDelivery): AdapterResult {
  const payload = parsePayload(workflowJobPayload, delivery.payload, "GitHub workflow_job payload");
  const job = payload.workflow_job;
  if (payload.action !== "completed")
    return ignored(`workflow_job ${payload.action}: only completed jobs are evidence`);
  const status = pipelineStatus(job.conclusion);
  if (status === undefined)
    return ignored(`workflow_job concluded ${String(job.conclusion)}: not a pipeline outcome`);
  // A job's own name says more than its workflow's ("train" inside a "nightly" workflow).
  const byJob = pipelineKindFromName(job.name ?? undefined);
  return {
    drafts: [
      {
        ...base(delivery, payload.repository.full_name, job.completed_at),
        type: "ci.pipeline.completed",
        data: compact({
          pipeline: byJob === "build" ? pipelineKindFromName(job.workflow_name ?? undefined) : byJob,
          status,
          // The job payload does not say what triggered its run.
          trigger: "push",
          commitSha: job.head_sha ?? undefined,
          durationSeconds: secondsBetween(job.started_at, job.completed_at),
          workflow: job.workflow_name ?? undefined,
          job: job.name ?? undefined,
          runId: job.run_id === null || job.run_id === undefined ? undefined : String(job.run_id),
        }),
      },
    ],
  };
}

function deploymentStatus(delivery: GithubDelivery): AdapterResult {
  const payload = parsePayload(deploymentStatusPayload, delivery.payload, "GitHub deployment_status payload");
  const { deployment, deployment_status: deploymentState } = payload;
  const status =
    deploymentState.state === "success"
      ? "succeeded"
      : deploymentState.state === "failure" || deploymentState.state === "error"
        ? "failed"
        : undefined;
  if (status === undefined)
    return ignored(`deployment_status ${deploymentState.state}: not a finished deployment`);
  const environmentName = deploymentState.environment ?? deployment.environment ?? "unknown";
  const options = deploymentOptions(deployment.payload);
  return {
    drafts: [
      {
        ...base(
          delivery,
          payload.repository.full_name,
          deploymentState.updated_at ?? deploymentState.created_at,
        ),
        type: "deploy.completed",
        data: compact({
          deploymentId: String(deployment.id),
          version: deployment.sha ?? deployment.ref ?? "unknown",
          environment: deployment.production_environment
            ? "production"
            : normaliseEnvironment(environmentName),
          strategy: options.strategy ?? "scripted",
          gatedByEval: options.gatedByEval ?? false,
          // Deployments created by Actions or an app are automated; by a person through the API, not.
          automated:
            deployment.creator?.type === "Bot" ||
            (deployment.performed_via_github_app !== null &&
              deployment.performed_via_github_app !== undefined),
          changeRequestedAt: options.changeRequestedAt,
          status,
          ref: deployment.ref ?? undefined,
        }),
      },
    ],
  };
}

function release(delivery: GithubDelivery): AdapterResult {
  const payload = parsePayload(releasePayload, delivery.payload, "GitHub release payload");
  const { release: published, repository: repo } = payload;
  if (payload.action !== "published" || published.draft || published.prerelease) {
    return ignored(
      `release ${payload.action}${published.prerelease ? " (prerelease)" : ""}: only published releases are evidence`,
    );
  }
  return {
    drafts: [
      {
        ...base(delivery, repo.full_name, published.published_at),
        type: "registry.model_version.registered",
        data: compact({
          model: repo.name,
          version: published.tag_name,
          codeVersion: published.tag_name,
          releaseUrl: published.html_url ?? undefined,
        }),
      },
    ],
  };
}

function pipelineStatus(conclusion: string | null | undefined) {
  switch (conclusion) {
    case "success":
      return "succeeded" as const;
    case "failure":
    case "timed_out":
    case "startup_failure":
      return "failed" as const;
    case "cancelled":
      return "cancelled" as const;
    default:
      return undefined;
  }
}

function triggerOf(event: string | null | undefined) {
  switch (event) {
    case "schedule":
      return "schedule" as const;
    case "workflow_dispatch":
      return "manual" as const;
    case "repository_dispatch":
    case "workflow_run":
    case "workflow_call":
    case "deployment":
    case "release":
      return "signal" as const;
    default:
      return "push" as const;
  }
}

export function normaliseEnvironment(name: string): string {
  const lower = name.trim().toLowerCase();
  return ["prod", "production", "live"].includes(lower) ? "production" : lower;
}

const strategies = ["manual", "scripted", "canary", "shadow", "blue_green"] as const;

/** Optional hints a team may put in the deployment's `payload` when it creates the deployment. */
function deploymentOptions(payload: unknown): {
  strategy?: (typeof strategies)[number];
  gatedByEval?: boolean;
  changeRequestedAt?: string;
} {
  let value = payload;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof value !== "object" || value === null) return {};
  const record = value as Record<string, unknown>;
  return {
    strategy: strategies.find((strategy) => strategy === record.strategy),
    gatedByEval: typeof record.gatedByEval === "boolean" ? record.gatedByEval : undefined,
    changeRequestedAt: toRfc3339(record.changeRequestedAt),
  };
}
