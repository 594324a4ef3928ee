// MATURITY_SIGNING_KEY, read once at start as `maturity audit-pack` reads it: a PEM file's path, or
// the PEM text itself (as a secret store hands it over). A key that cannot be read, or is not an
// Ed25519 private key, stops the start naming the setting: packs are never silently unsigned.
import { readFile } from "node:fs/promises";
import type { KeyObject } from "node:crypto";
import { signingKeyOf } from "@maturity/audit";

export async function loadSigningKey(setting: string | undefined): Promise<KeyObject | undefined> {
  const value = setting?.trim();
  if (value === undefined || value === "") return undefined;
  if (value.startsWith("-----BEGIN")) return signingKeyOf(value, "MATURITY_SIGNING_KEY");
  let pem: string;
  try {
    pem = await readFile(value, "utf8");
  } catch (error) {
    throw new Error(
      `MATURITY_SIGNING_KEY: cannot read the signing key ${value} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
  return signingKeyOf(pem, `MATURITY_SIGNING_KEY (${value})`);
}
