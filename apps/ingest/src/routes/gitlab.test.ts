import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { gitlabDeploymentHook, gitlabPipelineHook } from "../../test/fixtures/gitlab.ts";
import { startHarness, type Harness } from "../../test/harness.ts";

const token = "gitlab-secret-token";
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

function deliver(event: string, payload: unknown, headers: Record<string, string> = {}) {
  return harness.app.inject({
    method: "POST",
    url: "/v1/webhooks/gitlab",
    headers: {
      "content-type": "application/json",
      "x-gitlab-event": event,
      "x-gitlab-event-uuid": randomUUID(),
      "x-gitlab-token": token,
      ...headers,
    },
    payload: JSON.stringify(payload),
  });
}

describe("POST /v1/webhooks/gitlab", () => {
  it("maps a finished Pipeline Hook, reading GitLab's non-ISO times", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    const response = await deliver("Pipeline Hook", gitlabPipelineHook, { "x-gitlab-event-uuid": "uuid-1" });
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toEqual([
      {
        id: "uuid-1",
        source: "gitlab://gitlab-org/gitlab-test",
        type: "ci.pipeline.completed",
        subject: "unmapped:repo:gitlab-org/gitlab-test",
      },
    ]);
    expect((await harness.logged())[0]).toMatchObject({
      time: "2016-08-12T15:26:29.000Z",
      data: {
        pipeline: "training",
        status: "succeeded",
        trigger: "schedule",
        durationSeconds: 63,
        commitSha: gitlabPipelineHook.object_attributes.sha,
      },
    });
  });

  it("maps a successful Deployment Hook to deploy.completed, with an offset time", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token }, resolveSystem: () => "checkout" });
    const response = await deliver("Deployment Hook", gitlabDeploymentHook);
    expect(response.statusCode).toBe(202);
    expect((await harness.logged())[0]).toMatchObject({
      subject: "checkout",
      time: "2021-04-28T19:50:00.000Z",
      data: { deploymentId: "15", environment: "production", status: "succeeded", version: "279484c0" },
    });
  });

  it("skips a running pipeline and other hooks with 200 and nothing stored", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    const running = {
      ...gitlabPipelineHook,
      object_attributes: { ...gitlabPipelineHook.object_attributes, status: "running" },
    };
    const response = await deliver("Pipeline Hook", running);
    expect(response.statusCode).toBe(200);
    expect(response.json().ignored).toMatch(/running/);
    expect((await deliver("Push Hook", { object_kind: "push" })).statusCode).toBe(200);
    expect(await harness.logged()).toEqual([]);
  });

  it("names the missing field of a malformed hook", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    const response = await deliver("Pipeline Hook", { object_attributes: { id: 1, status: "success" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toContain("project");
  });

  it("stores a replayed X-Gitlab-Event-UUID under the same id", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    await deliver("Pipeline Hook", gitlabPipelineHook, { "x-gitlab-event-uuid": "again" });
    const second = await deliver("Pipeline Hook", gitlabPipelineHook, { "x-gitlab-event-uuid": "again" });
    expect(second.statusCode).toBe(202);
    const ids = (await harness.logged()).map((event) => `${String(event.source)}|${String(event.id)}`);
    expect(ids).toEqual(["gitlab://gitlab-org/gitlab-test|again", "gitlab://gitlab-org/gitlab-test|again"]);
  });

  it.each([
    ["no token", { "x-gitlab-token": "" }],
    ["a wrong token", { "x-gitlab-token": "gitlab-secret-tokeN" }],
  ])("answers 401 to %s and stores nothing", async (_name, headers) => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    const response = await deliver("Pipeline Hook", gitlabPipelineHook, headers);
    expect(response.statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 400 without X-Gitlab-Event-UUID (it is the dedupe key)", async () => {
    harness = await startHarness({ config: { gitlabWebhookToken: token } });
    const response = await deliver("Pipeline Hook", gitlabPipelineHook, { "x-gitlab-event-uuid": "" });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain("X-Gitlab-Event-UUID");
  });
});
