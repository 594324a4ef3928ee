// Ed25519 signatures over manifest.json, with Node's crypto only. A key is named everywhere by its
// fingerprint: the SHA-256 of its public key in DER (SubjectPublicKeyInfo), in hex, the same bytes
// `openssl pkey -pubin -outform DER | sha256sum` hashes.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

export const fingerprintDescription = "SHA-256 of the public key's DER (SubjectPublicKeyInfo), hex";

export class KeyError extends Error {}

/** An Ed25519 private key from a KeyObject or PEM text; `where` names it in errors. */
export function signingKeyOf(key: KeyObject | string, where = "the signing key"): KeyObject {
  let object: KeyObject;
  if (typeof key === "string") {
    try {
      object = createPrivateKey(key);
    } catch (error) {
      throw new KeyError(`${where} is not a readable private key in PEM (${(error as Error).message})`);
    }
  } else object = key;
  if (object.type !== "private")
    throw new KeyError(`${where} is a ${object.type} key; signing needs the private key`);
  if (object.asymmetricKeyType !== "ed25519")
    throw new KeyError(
      `${where} is an ${object.asymmetricKeyType ?? "unknown"} key; audit packs are signed with Ed25519 ` +
        "(make one with: openssl genpkey -algorithm ed25519 -out signing-key.pem)",
    );
  return object;
}

/** An Ed25519 public key from PEM text (a private key's PEM gives its public half). */
export function publicKeyOf(pem: string, where = "the public key"): KeyObject {
  let object: KeyObject;
  try {
    object = createPublicKey(pem);
  } catch (error) {
    throw new KeyError(`${where} is not a readable public key in PEM (${(error as Error).message})`);
  }
  if (object.asymmetricKeyType !== "ed25519")
    throw new KeyError(`${where} is an ${object.asymmetricKeyType ?? "unknown"} key, not Ed25519`);
  return object;
}

export function fingerprint(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return publicKey.export({ type: "spki", format: "pem" }).toString();
}

/** The raw 64-byte signature (what `openssl pkeyutl -sign -rawin` writes). */
export function signBytes(key: KeyObject, bytes: Uint8Array): Uint8Array {
  return sign(null, bytes, key);
}

export function verifyBytes(key: KeyObject, bytes: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}
