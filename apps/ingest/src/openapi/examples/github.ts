// Example GitHub webhook deliveries (POST /v1/webhooks/github), trimmed to what the adapter reads
// plus a little context; the repository and ids are made up.
import type { RouteExample } from "./types.ts";

const repository = { id: 118, name: "fraud-model", full_name: "acme/fraud-model", private: true };

export const githubExamples = {
  workflowRun: {
    summary: "workflow_run completed: becomes ci.pipeline.completed (a training workflow that succeeded)",
    headers: {
      "X-GitHub-Event": "workflow_run",
      "X-GitHub-Delivery": "7b1c5a40-d7e1-11f0-8a3e-3f1c2b9d0e01",
    },
    value: {
      action: "completed",
      repository,
      workflow_run: {
        id: 30433642,
        name: "Train model",
        event: "schedule",
        status: "completed",
        conclusion: "success",
        head_sha: "9f2c1e0a7d4b3c2e1f0a9b8c7d6e5f4a3b2c1d0e",
        run_started_at: "2026-03-01T11:40:00Z",
        created_at: "2026-03-01T11:39:52Z",
        updated_at: "2026-03-01T12:05:00Z",
      },
    },
  },
  deploymentStatus: {
    summary: "deployment_status success: becomes deploy.completed (a production deploy by Actions)",
    headers: {
      "X-GitHub-Event": "deployment_status",
      "X-GitHub-Delivery": "7b1c5a40-d7e1-11f0-8a3e-3f1c2b9d0e02",
    },
    value: {
      repository,
      deployment_status: {
        state: "success",
        environment: "production",
        created_at: "2026-03-01T12:20:00Z",
        updated_at: "2026-03-01T12:20:05Z",
      },
      deployment: {
        id: 1804,
        sha: "9f2c1e0a7d4b3c2e1f0a9b8c7d6e5f4a3b2c1d0e",
        ref: "main",
        environment: "production",
        production_environment: true,
        created_at: "2026-03-01T12:15:00Z",
        creator: { login: "github-actions[bot]", type: "Bot" },
      },
    },
  },
  ping: {
    summary: "ping, sent when the webhook is created: answered 200 with the reason it is ignored",
    headers: { "X-GitHub-Event": "ping", "X-GitHub-Delivery": "7b1c5a40-d7e1-11f0-8a3e-3f1c2b9d0e03" },
    value: { zen: "Keep it logically awesome.", hook_id: 42, repository },
  },
} satisfies Record<string, RouteExample>;
