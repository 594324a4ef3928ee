import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { rubricVersion } from "@maturity/model/rubric";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicyFile } from "./load.ts";
import { readPolicyText } from "./read.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "maturity-policy-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadPolicyFile", () => {
  it("gives what readPolicyText gives for the file's text, errors named by the path", async () => {
    const file = path.join(dir, "bank.yaml");
    const good = `name: bank\nversion: 1\nextends: builtin@${rubricVersion}\n`;
    await writeFile(file, good);
    expect(await loadPolicyFile(file)).toEqual(readPolicyText(good, file));
    await writeFile(file, `${good}overrides: 3\n`);
    const refused = await loadPolicyFile(file);
    expect(refused.ok || refused.errors[0]).toMatchObject({ file, line: 4, path: "overrides" });
  });

  it("says so when the file is missing, rather than throwing", async () => {
    const file = path.join(dir, "missing.yaml");
    expect(await loadPolicyFile(file)).toEqual({
      ok: false,
      errors: [{ file, path: "", message: "cannot read the policy file: no such file" }],
    });
  });

  it("says why another file cannot be read", async () => {
    const result = await loadPolicyFile(dir);
    expect(result.ok || result.errors[0]?.message).toMatch(/^cannot read the policy file: .*EISDIR/);
  });
});
