import { afterEach, describe, expect, it } from "vitest";
import { bearer, startHarness, testTokens, type Harness } from "../../test/harness.ts";
import { repositoryOf } from "../adapters/openlineage.ts";

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

// A RunEvent as the OpenLineage spec shows it (job facet sourceCodeLocation, dataset version facets).
function runEvent(eventType: string, inputVersions: (string | undefined)[] = ["v42", "2026-02-28"]) {
  return {
    eventType,
    eventTime: "2026-03-01T12:00:00.000Z",
    run: { runId: "0176a8c2-fe01-7439-87e6-56a1a1b4029f", facets: {} },
    job: {
      namespace: "ml-pipelines",
      name: "fraud.train",
      facets: {
        sourceCodeLocation: {
          _producer: "https://github.com/OpenLineage/OpenLineage/tree/1.0.0/client/python",
          _schemaURL: "https://openlineage.io/spec/facets/1-0-0/SourceCodeLocationJobFacet.json",
          type: "git",
          url: "https://github.com/acme/fraud-model/blob/9f2c1e0/train.py",
          repoUrl: "git@github.com:acme/fraud-model.git",
          path: "train.py",
          version: "9f2c1e0",
          branch: "main",
        },
      },
    },
    inputs: inputVersions.map((version, index) => ({
      namespace: "s3://lake",
      name: `transactions/${index}`,
      facets: version === undefined ? {} : { version: { datasetVersion: version } },
    })),
    outputs: [{ namespace: "s3://models", name: "fraud", facets: { version: { datasetVersion: "7" } } }],
    producer: "https://github.com/OpenLineage/OpenLineage/tree/1.0.0/client/python",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
  };
}

const send = (body: unknown, headers: Record<string, string> = bearer) =>
  harness.app.inject({
    method: "POST",
    url: "/v1/lineage",
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(body),
  });

describe("POST /v1/lineage", () => {
  it("maps a COMPLETE run to exp.run.logged with code and data versions", async () => {
    harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } });
    const response = await send(runEvent("COMPLETE"));
    expect(response.statusCode).toBe(202);
    expect(response.json().accepted[0]).toEqual({
      id: "0176a8c2-fe01-7439-87e6-56a1a1b4029f:COMPLETE",
      source: "openlineage://ml-pipelines/fraud.train",
      type: "exp.run.logged",
      subject: "unmapped:repo:acme/fraud-model",
    });
    expect((await harness.logged())[0]).toMatchObject({
      data: {
        tracker: "openlineage",
        codeVersion: "9f2c1e0",
        dataVersion: "s3://lake/transactions/0@v42,s3://lake/transactions/1@2026-02-28",
        status: "completed",
        outputs: [{ namespace: "s3://models", name: "fraud", version: "7" }],
      },
    });
  });

  it("leaves dataVersion out when an input is unversioned, and records a FAIL as a failed run", async () => {
    harness = await startHarness();
    await send(runEvent("FAIL", ["v42", undefined]));
    const [event] = await harness.logged();
    expect(event).toMatchObject({ data: { status: "failed", codeVersion: "9f2c1e0" } });
    expect(event!.data).not.toHaveProperty("dataVersion");
  });

  it("skips START and RUNNING with 200", async () => {
    harness = await startHarness();
    for (const type of ["START", "RUNNING"]) {
      const response = await send(runEvent(type));
      expect(response.statusCode).toBe(200);
      expect(response.json().accepted).toEqual([]);
    }
    expect(await harness.logged()).toEqual([]);
  });

  it("names the field a malformed event lacks", async () => {
    harness = await startHarness();
    const { run: _run, ...withoutRun } = runEvent("COMPLETE");
    const response = await send(withoutRun);
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0].path).toBe("run");
  });

  it("requires the bearer token when auth is on", async () => {
    harness = await startHarness({ config: { bearerAuth: true, tokens: testTokens } });
    expect((await send(runEvent("COMPLETE"), {})).statusCode).toBe(401);
  });

  it.each([
    ["https://github.com/acme/fraud-model/blob/9f2c1e0/train.py", "acme/fraud-model"],
    ["https://gitlab.com/group/sub/repo/-/blob/main/x.py", "group/sub/repo"],
    ["git@github.com:acme/fraud-model.git", "acme/fraud-model"],
    ["https://github.com/acme", undefined],
    ["not a url", undefined],
  ])("reads the repository of %s", (url, repo) => {
    expect(repositoryOf(url)).toBe(repo);
  });
});
