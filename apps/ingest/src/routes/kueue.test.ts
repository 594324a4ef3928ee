import { afterEach, describe, expect, it } from "vitest";
import { kueueEvent as kueueFixture } from "../../test/fixtures/kueue.ts";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

// One Workload's Events; each reason is its own Event.
function kueueEvent(reason: string, note: string, extra: Record<string, unknown> = {}) {
  const ids = { event: `uid-${reason}`, workload: "wl-1", eventTime: "2026-03-01T12:00:00.000000Z" };
  return kueueFixture(reason, note, ids, extra);
}

const workload = {
  metadata: { creationTimestamp: "2026-03-01T11:50:00Z" },
  spec: {
    queueName: "team-ml-queue",
    podSets: [
      {
        name: "main",
        count: 2,
        template: {
          spec: { containers: [{ resources: { requests: { "nvidia.com/gpu": "4", cpu: "8" } } }] },
        },
      },
    ],
  },
  status: {
    admission: { clusterQueue: "gpu-a100" },
    conditions: [
      { type: "QuotaReserved", status: "True", lastTransitionTime: "2026-03-01T12:00:00Z" },
      { type: "Admitted", status: "True", lastTransitionTime: "2026-03-01T12:00:00Z" },
    ],
  },
};

const send = (body: unknown, headers: Record<string, string> = bearer) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/webhooks/kueue",
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(body),
  });

describe("POST /v1/webhooks/kueue", () => {
  it("maps QuotaReserved and Admitted to one gpu.job.admitted id, with the wait from the note", async () => {
    harness = await startHarness({
      resolveSystem: (ref) => (ref.kind === "gpuQueue" ? "trainer" : undefined),
    });
    const reserved = await send(
      kueueEvent("QuotaReserved", "Quota reserved in ClusterQueue gpu-a100, wait time since queued was 95s"),
    );
    const admitted = await send(
      kueueEvent("Admitted", "Admitted by ClusterQueue gpu-a100, wait time since reservation was 0s"),
    );
    expect(reserved.statusCode).toBe(202);
    expect(admitted.json().accepted[0]).toEqual({
      id: "wl-1:admitted",
      source: "kueue://team-ml",
      type: "gpu.job.admitted",
      subject: "trainer",
    });
    const [first] = await harness.logged();
    expect(first).toMatchObject({
      data: { queue: "gpu-a100", jobId: "team-ml/job-train-abc", waitSeconds: 95, gpus: 0, gpusKnown: false },
    });
  });

  it("counts GPUs and admission wait from an attached Workload", async () => {
    harness = await startHarness();
    await send(
      kueueEvent("Admitted", "Admitted by ClusterQueue gpu-a100, wait time since reservation was 0s", {
        workload,
      }),
    );
    expect((await harness.logged())[0]).toMatchObject({
      data: { gpus: 8, gpusKnown: true, waitSeconds: 600 },
    });
  });

  it("maps Preempted, preemption Evictions and Finished (GPU hours from the Workload)", async () => {
    harness = await startHarness();
    await send(
      kueueEvent(
        "Preempted",
        "Preempted to accommodate a workload (UID: x) due to prioritization in the ClusterQueue",
      ),
    );
    await send(kueueEvent("Evicted", "Preempted to accommodate a higher priority workload"));
    const other = await send(kueueEvent("Evicted", "Exceeded the PodsReady timeout team-ml/job-train-abc"));
    expect(other.statusCode).toBe(200);
    await send(
      kueueEvent("Finished", "Job finished successfully", { eventTime: "2026-03-01T14:30:00Z", workload }),
    );
    const events = await harness.logged();
    expect(events.map((event) => event.type)).toEqual([
      "gpu.job.preempted",
      "gpu.job.preempted",
      "gpu.job.finished",
    ]);
    expect(events[2]).toMatchObject({ data: { gpuHours: 20, gpuHoursKnown: true, queue: "gpu-a100" } });
  });

  it("skips events about other objects and reasons with no evidence", async () => {
    harness = await startHarness();
    const pod = { ...kueueEvent("Started", "x"), regarding: { kind: "Pod", name: "p" } };
    expect((await send(pod)).statusCode).toBe(200);
    expect((await send(kueueEvent("Pending", "couldn't assign flavors"))).statusCode).toBe(200);
    expect(await harness.logged()).toEqual([]);
  });

  it("names what is wrong with something that is not an Event", async () => {
    harness = await startHarness();
    const response = await send({ kind: "Pod", metadata: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(["kind", "reason", "regarding"]),
    );
  });

  it("requires the bearer token when auth is on", async () => {
    harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } });
    expect((await send(kueueEvent("Admitted", "x"), {})).statusCode).toBe(401);
    expect(await harness.logged()).toEqual([]);
  });
});
