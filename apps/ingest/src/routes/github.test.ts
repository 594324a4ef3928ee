import { randomUUID } from "node:crypto";
import webhookExamples from "@octokit/webhooks-examples";
import { sign } from "@octokit/webhooks-methods";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../test/harness.ts";
import { verifyGithubSignature } from "../auth/github-signature.ts";

const secret = "github-test-secret";
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

type Example = Record<string, unknown>;
function examplesOf(event: string): Example[] {
  const entry = webhookExamples.find((item) => item.name === event);
  if (!entry) throw new Error(`no ${event} examples in @octokit/webhooks-examples`);
  return entry.examples as unknown as Example[];
}
function exampleWhere(event: string, test: (example: Example) => boolean): Example {
  const found = examplesOf(event).find(test);
  if (!found) throw new Error(`no matching ${event} example`);
  return found;
}

async function deliver(
  event: string,
  payload: unknown,
  options: { deliveryId?: string; signature?: string } = {},
) {
  const body = JSON.stringify(payload);
  return harness.app.inject({
    method: "POST",
    url: "/v1/webhooks/github",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.deliveryId ?? randomUUID(),
      "x-hub-signature-256": options.signature ?? (await sign(secret, body)),
    },
    payload: body,
  });
}

describe("the GitHub signature", () => {
  it("matches GitHub's documented test vector", () => {
    const raw = Buffer.from("Hello, World!");
    const vector = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(() => verifyGithubSignature("It's a Secret to Everybody", raw, vector)).not.toThrow();
    expect(() => verifyGithubSignature("It's a Secret to Everybody", raw, vector.replace(/7$/, "8"))).toThrow(
      /does not match/,
    );
  });
});

describe("POST /v1/webhooks/github with @octokit/webhooks-examples payloads", () => {
  const completedRun = exampleWhere(
    "workflow_run",
    (example) => (example.workflow_run as { conclusion: unknown }).conclusion === "success",
  );

  it("maps a completed workflow run to ci.pipeline.completed, keyed by the delivery id", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const response = await deliver("workflow_run", completedRun, { deliveryId: "delivery-1" });
    expect(response.statusCode).toBe(202);
    const repo = (completedRun.repository as { full_name: string }).full_name;
    expect(response.json().accepted).toEqual([
      {
        id: "delivery-1",
        source: `github://${repo}`,
        type: "ci.pipeline.completed",
        subject: `unmapped:repo:${repo}`,
      },
    ]);
    const [event] = await harness.logged();
    const run = completedRun.workflow_run as { head_sha: string; id: number };
    expect(event).toMatchObject({
      unmappedref: `repo:${repo}`,
      data: { status: "succeeded", commitSha: run.head_sha, runId: String(run.id), pipeline: "build" },
    });
  });

  it("uses the system the resolver names as the subject", async () => {
    const asked: unknown[] = [];
    harness = await startHarness({
      config: { githubWebhookSecret: secret },
      resolveSystem: (ref) => {
        asked.push(ref);
        return "fraud-scoring";
      },
    });
    const response = await deliver("workflow_run", completedRun);
    expect(response.json().accepted[0].subject).toBe("fraud-scoring");
    expect(asked).toEqual([
      { kind: "repo", id: (completedRun.repository as { full_name: string }).full_name },
    ]);
    const [event] = await harness.logged();
    expect(event!.unmappedref).toBeUndefined();
  });

  it("takes the pipeline kind from the workflow name", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const run = {
      ...completedRun,
      workflow_run: { ...(completedRun.workflow_run as object), name: "Nightly train" },
    };
    await deliver("workflow_run", run);
    expect((await harness.logged())[0]).toMatchObject({ data: { pipeline: "training" } });
  });

  it("maps a successful production deployment_status to deploy.completed", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const example = exampleWhere(
      "deployment_status",
      (item) =>
        (item.deployment_status as { state: string }).state === "success" &&
        (item.deployment_status as { environment: string }).environment === "production",
    );
    const response = await deliver("deployment_status", example);
    expect(response.statusCode).toBe(202);
    const deployment = example.deployment as { id: number; sha: string };
    expect((await harness.logged())[0]).toMatchObject({
      type: "deploy.completed",
      data: {
        deploymentId: String(deployment.id),
        version: deployment.sha,
        environment: "production",
        status: "succeeded",
        strategy: "scripted",
        gatedByEval: false,
      },
    });
  });

  it("maps a completed workflow job, and a published release to a registered version", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const job = exampleWhere(
      "workflow_job",
      (item) => (item.workflow_job as { conclusion: unknown }).conclusion === "failure",
    );
    expect((await deliver("workflow_job", job)).statusCode).toBe(202);
    const release = exampleWhere("release", (item) => item.action === "published");
    expect((await deliver("release", release)).statusCode).toBe(202);
    const [jobEvent, releaseEvent] = await harness.logged();
    expect(jobEvent).toMatchObject({ type: "ci.pipeline.completed", data: { status: "failed" } });
    const tag = (release.release as { tag_name: string }).tag_name;
    expect(releaseEvent).toMatchObject({
      type: "registry.model_version.registered",
      data: { version: tag, codeVersion: tag },
    });
  });

  it("answers 200 with nothing produced for deliveries that carry no evidence", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const queued = exampleWhere("workflow_job", (item) => item.action === "queued");
    const response = await deliver("workflow_job", queued);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: [], ignored: expect.stringContaining("queued") });
    const ping = await deliver("ping", examplesOf("ping")[0]);
    expect(ping.statusCode).toBe(200);
    expect(await harness.logged()).toEqual([]);
  });

  it.each(["workflow_run", "workflow_job", "deployment", "deployment_status", "release", "ping"])(
    "answers every shipped %s example with a 2xx listing what it produced",
    async (event) => {
      harness = await startHarness({ config: { githubWebhookSecret: secret } });
      let produced = 0;
      for (const example of examplesOf(event)) {
        const response = await deliver(event, example);
        expect([200, 202], response.body).toContain(response.statusCode);
        produced += response.json().accepted.length;
      }
      expect(await harness.logged()).toHaveLength(produced);
    },
  );

  it("stores a redelivery under the same (source, id), so the store keeps one", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const first = await deliver("workflow_run", completedRun, { deliveryId: "same-delivery" });
    const again = await deliver("workflow_run", completedRun, { deliveryId: "same-delivery" });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    const logged = await harness.logged();
    expect(new Set(logged.map((event) => `${String(event.source)}|${String(event.id)}`)).size).toBe(1);
    expect(logged[0]).toEqual(logged[1]);
  });
});

describe("GitHub authentication", () => {
  const payload = examplesOf("ping")[0];

  it.each([
    ["a missing signature", ""],
    ["a signature made with another secret", "other"],
    ["a malformed signature", "sha1=abc"],
  ])("answers 401 to %s and appends nothing", async (_name, variant) => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const body = JSON.stringify(payload);
    const signature = variant === "other" ? await sign("other", body) : variant;
    const response = await deliver("ping", payload, { signature });
    expect(response.statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 401 to a body changed after signing", async () => {
    harness = await startHarness({ config: { githubWebhookSecret: secret } });
    const run = examplesOf("workflow_run")[1]!;
    const signature = await sign(secret, JSON.stringify(run));
    const response = await harness.app.inject({
      method: "POST",
      url: "/v1/webhooks/github",
      headers: {
        "content-type": "application/json",
        "x-github-event": "workflow_run",
        "x-github-delivery": "d",
        "x-hub-signature-256": signature,
      },
      payload: JSON.stringify(run).replace('"success"', '"failure"'),
    });
    expect(response.statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 401 when no secret is configured, saying which variable to set", async () => {
    harness = await startHarness();
    const response = await deliver("ping", payload);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain("GITHUB_WEBHOOK_SECRET");
  });
});
