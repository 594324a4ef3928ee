import type { NativeId } from "@maturity/model";
import { formatNativeId, systemIdOf, unmappedSubject } from "@maturity/model";

/**
 * A native identifier an adapter saw, to be mapped to a system id through the catalogue. Its kinds
 * are packages/model's (catalogue/native-ids.ts), declared once there.
 */
export type SystemRef = NativeId;

/**
 * What a draft names its subject by: a native id (mapped through the catalogue), or a system id
 * when the sender names the system itself (an Alertmanager alert's `maturity_system` label).
 */
export type SubjectRef = SystemRef | { kind: "system"; id: string };

/**
 * Maps a native identifier to a system id, or answers undefined when the catalogue has no entry
 * for it yet. Passed to the ingest plugin by the process that knows the catalogue.
 */
export type ResolveSystem = (ref: SystemRef) => string | undefined | Promise<string | undefined>;

/**
 * The subject of an event from a native source. An unmapped identifier is never a reason to drop
 * evidence: the event keeps a recognisable subject and an `unmappedref` extension, and the worker
 * holds it aside until an admin maps the identifier. The subject is routed as everywhere else
 * (packages/model's `systemIdOf`), with what the resolver knows of this one id as the mapping.
 */
export async function subjectFor(
  ref: SubjectRef,
  resolve: ResolveSystem | undefined,
): Promise<{ subject: string; unmappedref?: string }> {
  if (ref.kind === "system") return { subject: ref.id };
  const resolved = resolve === undefined ? undefined : await resolve(ref);
  const waiting = unmappedSubject(ref);
  const systemId = systemIdOf(waiting, () => resolved);
  return systemId === undefined
    ? { subject: waiting, unmappedref: formatNativeId(ref) }
    : { subject: systemId };
}
