// manifest.json: what the pack is, from which rules and events, where the system's hash chain
// stood, and the SHA-256 of every other file. The signature (manifest.sig) covers its bytes, so it
// vouches for every file through their hashes.
import { z } from "zod";
import type { PackBasis } from "./basis.ts";
import { fingerprintDescription } from "./signing.ts";

export const packFormat = "maturity-audit-pack/1";

/** The files of a pack, in the (name) order the zip holds them. */
export const packFiles = {
  clauses: "clauses.json",
  cyclonedx: "cyclonedx.json",
  events: "events.ndjson",
  history: "history.json",
  manifest: "manifest.json",
  signature: "manifest.sig",
  policy: "policy.json",
  reportHtml: "report.html",
  reportJson: "report.json",
  publicKey: "signing-key.pub.pem",
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: "expected 64 hex digits (a SHA-256)" });
const time = z.iso.datetime({ offset: true });

export const manifestSchema = z.strictObject({
  format: z.literal(packFormat),
  system: z.strictObject({
    id: z.string().min(1),
    name: z.string(),
    team: z.string(),
    kind: z.string(),
    riskTier: z.string(),
    registered: z.boolean(),
    retired: z.boolean(),
    owner: z
      .strictObject({
        owner: z.string(),
        onCallRotation: z.string().nullable(),
        assignedAt: z.string(),
        eventId: z.string(),
      })
      .nullable(),
    nativeIds: z.array(z.string()),
  }),
  asOf: time,
  policy: z.strictObject({
    kind: z.enum(["builtin", "policy", "rubric"]),
    name: z.string(),
    version: z.union([z.number(), z.string()]),
    rubricVersion: z.string(),
    contentHash: sha256,
    file: z.literal(packFiles.policy),
  }),
  windows: z.strictObject({ evidenceDays: z.number().positive(), metricsDays: z.number().positive() }),
  generator: z.string(),
  events: z.strictObject({
    file: z.literal(packFiles.events),
    count: z.int().min(0),
    chained: z.int().min(0),
    first: time.nullable(),
    last: time.nullable(),
    afterAsOf: z.int().min(0),
  }),
  chain: z.strictObject({
    head: sha256,
    length: z.int().min(0),
    /** `stored`: the event store's own hashes (checked as the pack was made); `computed`: from a file. */
    hashes: z.enum(["stored", "computed"]),
  }),
  history: z.strictObject({ file: z.literal(packFiles.history), source: z.enum(["store", "computed"]) }),
  signed: z.boolean(),
  signature: z
    .strictObject({
      algorithm: z.literal("Ed25519"),
      file: z.literal(packFiles.signature),
      publicKey: z.literal(packFiles.publicKey),
      fingerprint: sha256,
      fingerprintOf: z.literal(fingerprintDescription),
    })
    .nullable(),
  /** SHA-256 (hex) of every file but manifest.json and manifest.sig. */
  files: z.record(z.string(), sha256),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** The manifest's bytes: indented JSON in the order built, so a person can read it. */
export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest's account of the system, from what the pack was scored on: writer and verifier alike. */
export function manifestSystem(basis: PackBasis): Manifest["system"] {
  const { report } = basis;
  return {
    id: basis.systemId,
    name: report.name,
    team: report.team,
    kind: report.kind,
    riskTier: report.riskTier,
    registered: report.registered,
    retired: report.retired,
    owner: basis.dossier.owner,
    nativeIds: [...basis.nativeIds],
  };
}
