import { createHmac, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../test/harness.ts";

const secret = "mlflow-webhook-secret";
const now = new Date("2026-03-01T12:00:00Z");
const nowSeconds = String(now.getTime() / 1000);
let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

/** MLflow's documented scheme, written out independently of the code under test. */
function mlflowHeaders(
  body: string,
  options: { deliveryId?: string; timestamp?: string; key?: string } = {},
) {
  const deliveryId = options.deliveryId ?? randomUUID();
  const timestamp = options.timestamp ?? nowSeconds;
  const mac = createHmac("sha256", options.key ?? secret)
    .update(`${deliveryId}.${timestamp}.${body}`, "utf8")
    .digest("base64");
  return {
    "content-type": "application/json",
    "x-mlflow-delivery-id": deliveryId,
    "x-mlflow-timestamp": timestamp,
    "x-mlflow-signature": `v1,${mac}`,
  };
}

// The envelope MLflow's delivery code wraps every payload in.
const wrap = (entity: string, action: string, data: unknown) =>
  JSON.stringify({ entity, action, timestamp: "2026-03-01T11:59:58.123456+00:00", data });

const versionCreated = wrap("model_version", "created", {
  name: "fraud-model",
  version: "7",
  source: "models:/m-123",
  run_id: "abcd1234abcd5678",
  tags: { "mlflow.source.git.commit": "9f2c1e0", data_version: "transactions@2026-02-28" },
  description: "weekly retrain",
});

async function deliver(body: string, headers = mlflowHeaders(body)) {
  return harness.app.inject({ method: "POST", url: "/v1/webhooks/mlflow", headers, payload: body });
}

describe("POST /v1/webhooks/mlflow", () => {
  it("maps model_version.created to registry.model_version.registered with code and data versions", async () => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const response = await deliver(versionCreated, mlflowHeaders(versionCreated, { deliveryId: "d-1" }));
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted).toEqual([
      {
        id: "d-1",
        source: "mlflow://registry/fraud-model",
        type: "registry.model_version.registered",
        subject: "unmapped:registryModel:fraud-model",
      },
    ]);
    expect((await harness.logged())[0]).toMatchObject({
      time: "2026-03-01T11:59:58.123Z",
      data: {
        model: "fraud-model",
        version: "7",
        runId: "abcd1234abcd5678",
        codeVersion: "9f2c1e0",
        dataVersion: "transactions@2026-02-28",
      },
    });
  });

  it("maps an alias to a promotion and a prompt version to prompt.version.committed", async () => {
    harness = await startHarness({
      config: { mlflowWebhookSecret: secret },
      clock: () => now,
      resolveSystem: (ref) => (ref.kind === "registryModel" ? `system-of-${ref.id}` : undefined),
    });
    const alias = wrap("model_version_alias", "created", {
      name: "fraud-model",
      alias: "champion",
      version: "7",
    });
    const prompt = wrap("prompt_version", "created", {
      name: "support-answer",
      version: "3",
      template: "Answer {{question}}",
      tags: { "mlflow.source.git.commit": "abc123" },
    });
    expect((await deliver(alias)).statusCode).toBe(202);
    expect((await deliver(prompt)).statusCode).toBe(202);
    const [promoted, committed] = await harness.logged();
    expect(promoted).toMatchObject({
      type: "registry.model_version.promoted",
      subject: "system-of-fraud-model",
      data: { model: "fraud-model", version: "7", alias: "champion" },
    });
    expect(committed).toMatchObject({
      type: "prompt.version.committed",
      subject: "system-of-support-answer",
      data: { promptId: "support-answer", version: "3", commitSha: "abc123" },
    });
  });

  it("acknowledges tag events with nothing produced", async () => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const tag = wrap("model_version_tag", "set", { name: "fraud-model", version: "7", key: "k", value: "v" });
    const response = await deliver(tag);
    expect(response.statusCode).toBe(200);
    expect(response.json().ignored).toContain("model_version_tag.set");
    expect(await harness.logged()).toEqual([]);
  });

  it("stores a retried delivery (same id and timestamp) under the same id", async () => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const headers = mlflowHeaders(versionCreated, { deliveryId: "retry-me" });
    expect((await deliver(versionCreated, headers)).statusCode).toBe(202);
    expect((await deliver(versionCreated, headers)).statusCode).toBe(202);
    const logged = await harness.logged();
    expect(logged.map((event) => event.id)).toEqual(["retry-me", "retry-me"]);
    expect(logged[0]!.source).toBe(logged[1]!.source);
  });

  it.each([
    ["a signature made with another secret", { key: "wrong" }, /does not match/],
    ["a timestamp six minutes old", { timestamp: String(now.getTime() / 1000 - 360) }, /older than 300 s/],
    ["a timestamp six minutes ahead", { timestamp: String(now.getTime() / 1000 + 360) }, /older than 300 s/],
  ])("answers 401 to %s and stores nothing", async (_name, options, message) => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const response = await deliver(versionCreated, mlflowHeaders(versionCreated, options));
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(message);
    expect(await harness.logged()).toEqual([]);
  });

  it("answers 401 when a signed header is changed after signing", async () => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const headers = { ...mlflowHeaders(versionCreated), "x-mlflow-delivery-id": "swapped" };
    expect((await deliver(versionCreated, headers)).statusCode).toBe(401);
    const { "x-mlflow-signature": _dropped, ...unsigned } = mlflowHeaders(versionCreated);
    expect((await deliver(versionCreated, unsigned as never)).statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });

  it("names the field a malformed payload lacks", async () => {
    harness = await startHarness({ config: { mlflowWebhookSecret: secret }, clock: () => now });
    const body = wrap("model_version", "created", { version: "1" });
    const response = await deliver(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe("name");
  });
});
