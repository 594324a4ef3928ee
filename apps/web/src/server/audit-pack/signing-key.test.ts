import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSigningKey } from "./signing-key.ts";

describe("MATURITY_SIGNING_KEY at start", () => {
  let dir: string;
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "maturity-signing-key-"));
    await writeFile(path.join(dir, "key.pem"), pem);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
    await writeFile(path.join(dir, "rsa.pem"), rsa.export({ type: "pkcs8", format: "pem" }));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is unset: packs are unsigned", async () => {
    expect(await loadSigningKey(undefined)).toBeUndefined();
    expect(await loadSigningKey("  ")).toBeUndefined();
  });

  it("reads an Ed25519 private key from a PEM file's path, or from the PEM text itself", async () => {
    expect((await loadSigningKey(path.join(dir, "key.pem")))?.asymmetricKeyType).toBe("ed25519");
    expect((await loadSigningKey(pem))?.type).toBe("private");
  });

  it("stops the start, naming the setting, for a file it cannot read or a key of another kind", async () => {
    await expect(loadSigningKey(path.join(dir, "missing.pem"))).rejects.toThrow(
      /^MATURITY_SIGNING_KEY: cannot read the signing key .*missing\.pem \(ENOENT\)/,
    );
    await expect(loadSigningKey(path.join(dir, "rsa.pem"))).rejects.toThrow(
      /^MATURITY_SIGNING_KEY \(.*rsa\.pem\) is an rsa key; audit packs are signed with Ed25519/,
    );
  });
});
