import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprint, publicKeyOf, signBytes, signingKeyOf, verifyBytes } from "./signing.ts";

describe("signing", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

  it("names a key by the SHA-256 of its public key's DER, from either half", () => {
    const expected = createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex");
    expect(fingerprint(privateKey)).toBe(expected);
    expect(fingerprint(publicKey)).toBe(expected);
    expect(fingerprint(signingKeyOf(pem))).toBe(expected);
  });

  it("signs and verifies; a changed byte or another key fails", () => {
    const message = new TextEncoder().encode("manifest");
    const signature = signBytes(signingKeyOf(pem), message);
    expect(signature).toHaveLength(64);
    expect(verifyBytes(publicKey, message, signature)).toBe(true);
    expect(verifyBytes(publicKey, new TextEncoder().encode("manifesT"), signature)).toBe(false);
    expect(verifyBytes(generateKeyPairSync("ed25519").publicKey, message, signature)).toBe(false);
    expect(verifyBytes(publicKey, message, signature.subarray(1))).toBe(false);
  });

  it("refuses what is not an Ed25519 key, saying what it is", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => signingKeyOf(rsa.privateKey, "key.pem")).toThrow("key.pem is an rsa key");
    expect(() => signingKeyOf(publicKey, "pub.pem")).toThrow(
      "pub.pem is a public key; signing needs the private key",
    );
    expect(() => signingKeyOf("-----BEGIN NOTHING-----", "x.pem")).toThrow(
      "x.pem is not a readable private key in PEM",
    );
    expect(() => publicKeyOf(rsa.publicKey.export({ type: "spki", format: "pem" }).toString())).toThrow(
      "the public key is an rsa key, not Ed25519",
    );
    expect(fingerprint(publicKeyOf(pem))).toBe(fingerprint(publicKey)); // a private key's PEM gives its public half
  });
});
