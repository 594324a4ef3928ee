// MATURITY_POLICY is read before anything starts: a bad file stops the standalone worker (the
// compiled one `npm start -w @maturity/worker` runs) with exit 2 and every error as file:line:column.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startWorkerProcess } from "../../test/worker-process.ts";
import { loadPolicySetting } from "./setting.ts";

const badPolicy = `name: Acme Bank
version: 7
extends: builtin@2026.11-1
overrides:
  - criterion: deployment.l2.weekly-deploys
    threshold: 2
`;

describe("MATURITY_POLICY", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  async function policyFile(text: string): Promise<string> {
    const folder = await mkdtemp(path.join(tmpdir(), "maturity-policy-setting-"));
    folders.push(folder);
    const file = path.join(folder, "acme.yaml");
    await writeFile(file, text);
    return file;
  }

  it("is nothing when unset, and the file's policy when it is good", async () => {
    expect(await loadPolicySetting(undefined)).toBeUndefined();
    const file = await policyFile(
      badPolicy.replace("Acme Bank", "acme-bank").replace("threshold: 2", "threshold: 1"),
    );
    expect(await loadPolicySetting(file)).toMatchObject({
      name: "acme-bank",
      rubricVersion: "builtin@2026.11-1+acme-bank@7",
    });
  });

  it("stops the standalone worker with exit 2 and each error at its line and column", async () => {
    const file = await policyFile(badPolicy);
    const worker = startWorkerProcess(
      {
        DATABASE_URL: "postgres://postgres@127.0.0.1:1/unused",
        KAFKA_BROKERS: "127.0.0.1:1",
        MATURITY_POLICY: file,
      },
      0,
    );
    expect(await worker.exited).toBe(2);
    const output = worker.output();
    expect(output).toContain("maturity worker: MATURITY_POLICY: the policy file is refused:");
    expect(output).toMatch(new RegExp(`${file}:1:7: name: `));
    expect(output).toMatch(new RegExp(`${file}:6:16: overrides\\[0\\]\\.threshold: `));
  }, 30_000);
});
