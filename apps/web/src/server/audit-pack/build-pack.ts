// Builds one system's audit pack from the store with @maturity/audit: the portal's download and
// its audit delivery both come through here, so a pack is the same however it is asked for.
import type { AuditPackOptions, AuditPackResult, PackOutput } from "@maturity/audit";
import { fingerprint, signingKeyOf, writeAuditPack } from "@maturity/audit";
import type { Database } from "@maturity/db";
import { storedAuditSource } from "@maturity/db";
import webPackage from "../../../package.json" with { type: "json" };
import { policyAsOf } from "../routers/policy-reads.ts";

/** Who made the pack, as its manifest records it: this app and its version. */
export const packGenerator = `${webPackage.name} ${webPackage.version}`;

export interface PackRequest {
  systemId: string;
  /** The instant the pack describes (ISO); a pack is deterministic for a given store and instant. */
  asOf: string;
  /** Signs the manifest when the server has a key (MATURITY_SIGNING_KEY). */
  signingKey?: SigningKey;
}

/** An Ed25519 private key, as @maturity/audit takes it. */
export type SigningKey = NonNullable<AuditPackOptions["signingKey"]>;

/**
 * Writes the pack as of `asOf`, under the policy in force then, to `out` (not ended: the caller
 * owns it). Throws NoEvidenceError before writing anything when the system had no events by then.
 */
export async function writeSystemPack(
  db: Database,
  request: PackRequest,
  out: PackOutput,
): Promise<AuditPackResult> {
  const [policy, source] = await Promise.all([
    policyAsOf(db, request.asOf),
    storedAuditSource(db, request.systemId, { asOf: request.asOf }),
  ]);
  return writeAuditPack(
    source,
    {
      asOf: Date.parse(request.asOf),
      policy,
      generator: packGenerator,
      ...(request.signingKey !== undefined && { signingKey: request.signingKey }),
    },
    out,
  );
}

/** The pack built into nothing: its manifest hash (and signature fingerprint) only. */
export function packToHash(db: Database, request: PackRequest): Promise<AuditPackResult> {
  return writeSystemPack(db, request, () => undefined);
}

/** The fingerprint packs signed with `key` carry (SHA-256 of its public key), to show beside the download. */
export function keyFingerprint(key: SigningKey): string {
  return fingerprint(signingKeyOf(key));
}
