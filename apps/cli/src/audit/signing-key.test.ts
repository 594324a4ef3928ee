import { generateKeyPairSync } from "node:crypto";
import { fingerprint } from "@maturity/audit";
import { describe, expect, it } from "vitest";
import { tempFile } from "../../test/run-cli.ts";
import { chooseSigningKey } from "./signing-key.ts";

const { privateKey } = generateKeyPairSync("ed25519");
const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

describe("chooseSigningKey", () => {
  it("signs with nothing when neither the option nor the setting names a key", async () => {
    expect(await chooseSigningKey(undefined, undefined)).toEqual({ ok: true, key: undefined });
  });

  it("reads the option's file first, then the setting as a path or as PEM text", async () => {
    const file = tempFile("key.pem", pem);
    const other = tempFile(
      "other.pem",
      generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    );
    const byOption = await chooseSigningKey(file, other);
    expect(byOption.ok && byOption.key && fingerprint(byOption.key)).toBe(fingerprint(privateKey));
    const byPath = await chooseSigningKey(undefined, file);
    expect(byPath).toMatchObject({ ok: true, from: `MATURITY_SIGNING_KEY (${file})` });
    const byText = await chooseSigningKey(undefined, pem);
    expect(byText).toMatchObject({ ok: true, from: "MATURITY_SIGNING_KEY" });
  });

  it("says which key it could not use, and why", async () => {
    expect(await chooseSigningKey("/nope/key.pem", undefined)).toEqual({
      ok: false,
      message: "cannot read the signing key /nope/key.pem: ENOENT",
    });
    const rsa = tempFile(
      "rsa.pem",
      generateKeyPairSync("rsa", { modulusLength: 1024 })
        .privateKey.export({ type: "pkcs8", format: "pem" })
        .toString(),
    );
    expect(await chooseSigningKey(undefined, rsa)).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^MATURITY_SIGNING_KEY \(.*rsa.pem\) is an rsa key; audit packs are signed with Ed25519/,
      ),
    });
  });
});
