// The key a pack is signed with: --signing-key FILE, else MATURITY_SIGNING_KEY (a PEM file's path,
// or the PEM text itself, as a secret store hands it over), else none: the pack is unsigned.
import { readFile } from "node:fs/promises";
import type { KeyObject } from "node:crypto";
import { KeyError, signingKeyOf } from "@maturity/audit";

export type SigningKeyChoice =
  { ok: true; key: KeyObject; from: string } | { ok: true; key: undefined } | { ok: false; message: string };

export async function chooseSigningKey(
  option: string | undefined,
  setting: string | undefined,
): Promise<SigningKeyChoice> {
  if (option === undefined && setting === undefined) return { ok: true, key: undefined };
  const inline = option === undefined && setting!.startsWith("-----BEGIN");
  const from =
    option !== undefined ? option : inline ? "MATURITY_SIGNING_KEY" : `MATURITY_SIGNING_KEY (${setting})`;
  let pem: string;
  if (inline) pem = setting!;
  else {
    const file = option ?? setting!;
    try {
      pem = await readFile(file, "utf8");
    } catch (error) {
      return {
        ok: false,
        message: `cannot read the signing key ${from}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      };
    }
  }
  try {
    return { ok: true, key: signingKeyOf(pem, from), from };
  } catch (error) {
    if (error instanceof KeyError) return { ok: false, message: error.message };
    throw error;
  }
}
