// Example GitLab webhook deliveries (POST /v1/webhooks/gitlab) in the shapes GitLab documents,
// trimmed; the project and ids are made up.
import type { RouteExample } from "./types.ts";

const project = { id: 30, name: "fraud-model", path_with_namespace: "acme/fraud-model" };

export const gitlabExamples = {
  pipeline: {
    summary: "Pipeline Hook, success: becomes ci.pipeline.completed",
    headers: {
      "X-Gitlab-Event": "Pipeline Hook",
      "X-Gitlab-Event-UUID": "0b8a4c1e-5d6f-4a3b-9c2d-1e0f9a8b7c61",
    },
    value: {
      object_kind: "pipeline",
      object_attributes: {
        id: 31,
        name: "Train fraud model",
        ref: "main",
        sha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
        source: "schedule",
        status: "success",
        created_at: "2026-03-01 11:23:28 UTC",
        finished_at: "2026-03-01 11:26:29 UTC",
        duration: 181,
      },
      project,
    },
  },
  deployment: {
    summary: "Deployment Hook, success: becomes deploy.completed",
    headers: {
      "X-Gitlab-Event": "Deployment Hook",
      "X-Gitlab-Event-UUID": "0b8a4c1e-5d6f-4a3b-9c2d-1e0f9a8b7c62",
    },
    value: {
      object_kind: "deployment",
      status: "success",
      status_changed_at: "2026-03-01 12:50:00 +0100",
      deployment_id: 15,
      environment: "production",
      environment_tier: "production",
      sha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
      short_sha: "279484c0",
      ref: "main",
      project,
    },
  },
} satisfies Record<string, RouteExample>;
