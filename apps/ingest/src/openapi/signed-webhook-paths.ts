// The webhooks that sign each delivery with a shared secret (GitHub, GitLab, MLflow, PagerDuty):
// the signature travels in headers, documented as the header parameters they are.
import { pagerdutyExamples } from "../examples/pagerduty.ts";
import { nativeBody, type Json } from "./components.ts";
import { deliveryResponses } from "./responses.ts";
import { bodyExamples, headerParameter } from "./examples.ts";
import { githubExamples } from "./examples/github.ts";
import { gitlabExamples } from "./examples/gitlab.ts";
import { mlflowExamples } from "./examples/mlflow.ts";

const hex64 = "[0-9a-f]{64}";

function webhook(operation: Json): Json {
  return { post: { tags: ["Webhooks"], responses: deliveryResponses({ ignored: true }), ...operation } };
}

export const signedWebhookPaths: Json = {
  "/v1/webhooks/github": webhook({
    operationId: "githubWebhook",
    summary: "GitHub webhook (workflow_run, workflow_job, deployment_status, release)",
    description:
      "Point a repository or organisation webhook here (content type application/json) with GITHUB_WEBHOOK_SECRET as its secret; unset, every delivery is refused. The signature is checked on the raw body before anything is parsed; the delivery id becomes the event id, so a redelivery is stored once. Other events are answered 200 with the reason they carry no evidence.",
    parameters: [
      headerParameter("X-Hub-Signature-256", {
        required: true,
        description: "`sha256=` + hex HMAC-SHA256 of the raw body, keyed with GITHUB_WEBHOOK_SECRET.",
        schema: { type: "string", pattern: `^sha256=${hex64}$` },
        example: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
      }),
      headerParameter(
        "X-GitHub-Event",
        { required: true, description: "The event name; it says how to read the body." },
        githubExamples,
      ),
      headerParameter(
        "X-GitHub-Delivery",
        { required: true, description: "The delivery id: the same on a redelivery, so it is the event id." },
        githubExamples,
      ),
    ],
    requestBody: nativeBody("A GitHub webhook payload, as GitHub sends it.", bodyExamples(githubExamples)),
  }),
  "/v1/webhooks/gitlab": webhook({
    operationId: "gitlabWebhook",
    summary: "GitLab webhook (Pipeline Hook, Deployment Hook)",
    description:
      "Point a project or group webhook here with GITLAB_WEBHOOK_TOKEN as its secret token; unset, every delivery is refused. Other hooks are answered 200 with the reason they carry no evidence.",
    parameters: [
      headerParameter("X-Gitlab-Token", {
        required: true,
        description: "The webhook's secret token itself (GITLAB_WEBHOOK_TOKEN), compared in constant time.",
        example: "<GITLAB_WEBHOOK_TOKEN>",
      }),
      headerParameter(
        "X-Gitlab-Event",
        { required: true, description: "The hook name; it says how to read the body." },
        gitlabExamples,
      ),
      headerParameter(
        "X-Gitlab-Event-UUID",
        { required: true, description: "The event's id, kept across retries: it is the event id." },
        gitlabExamples,
      ),
    ],
    requestBody: nativeBody("A GitLab webhook payload, as GitLab sends it.", bodyExamples(gitlabExamples)),
  }),
  "/v1/webhooks/mlflow": webhook({
    operationId: "mlflowWebhook",
    summary: "MLflow webhook (model versions, aliases, prompt versions)",
    description:
      "Point an MLflow registry webhook here with MLFLOW_WEBHOOK_SECRET as its secret; unset, every delivery is refused. A delivery whose timestamp is more than INGEST_MLFLOW_MAX_AGE_SECONDS from now is refused as a replay.",
    parameters: [
      headerParameter("X-MLflow-Signature", {
        required: true,
        description:
          "`v1,` + base64 HMAC-SHA256 of `<X-MLflow-Delivery-Id>.<X-MLflow-Timestamp>.<raw body>`, keyed with MLFLOW_WEBHOOK_SECRET.",
        schema: { type: "string", pattern: "^v1,[A-Za-z0-9+/]+=*$" },
        example: "v1,2jmj7l5rSw0yVb/vlWAYkK/YBwk4Af2ZkNDNvNHEPMI=",
      }),
      headerParameter(
        "X-MLflow-Delivery-Id",
        { required: true, description: "The delivery id (signed): it is the event id." },
        mlflowExamples,
      ),
      headerParameter(
        "X-MLflow-Timestamp",
        {
          required: true,
          description:
            "Unix seconds when it was sent (signed): it bounds how long a delivery can be replayed.",
          schema: { type: "string", pattern: "^[0-9]{1,12}$" },
        },
        mlflowExamples,
      ),
    ],
    requestBody: nativeBody(
      "An MLflow webhook payload: `{entity, action, timestamp, data}`.",
      bodyExamples(mlflowExamples),
    ),
  }),
  "/v1/webhooks/pagerduty": webhook({
    operationId: "pagerdutyWebhook",
    summary: "PagerDuty v3 webhook (incident.triggered, incident.resolved)",
    description:
      "Point a PagerDuty v3 webhook subscription here with its signing secret in PAGERDUTY_WEBHOOK_SECRETS (comma-separated: the old and the new while one rotates); unset, every delivery is refused. Event types not mapped are answered 200 with the reason.",
    parameters: [
      headerParameter("X-PagerDuty-Signature", {
        required: true,
        description:
          "`v1=` + hex HMAC-SHA256 of the raw body, keyed with a subscription secret; several comma-separated while PagerDuty rotates the secret. Any one matching any configured secret passes.",
        schema: { type: "string", pattern: `^v1=${hex64}(\\s*,\\s*v[0-9]+=[0-9a-fA-F]+)*$` },
        example: "v1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
      }),
    ],
    requestBody: nativeBody(
      "A PagerDuty v3 webhook payload: `{event: {…}}`.",
      bodyExamples(pagerdutyExamples),
    ),
  }),
};
