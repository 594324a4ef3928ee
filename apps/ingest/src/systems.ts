/** A native identifier an adapter saw, to be mapped to a system id through the catalogue. */
export interface SystemRef {
  kind: "repo" | "registryModel" | "service" | "gpuQueue";
  id: string;
}

/**
 * Maps a native identifier to a system id, or answers undefined when the catalogue has no entry
 * for it yet. Passed to the ingest plugin by the process that knows the catalogue.
 */
export type ResolveSystem = (ref: SystemRef) => string | undefined | Promise<string | undefined>;

/**
 * The subject of an event from a native source. An unmapped identifier is never a reason to drop
 * evidence: the event keeps a recognisable subject and an `unmappedref` extension, and the worker
 * holds it aside until an admin maps the identifier.
 */
export async function subjectFor(
  ref: SystemRef,
  resolve: ResolveSystem | undefined,
): Promise<{ subject: string; unmappedref?: string }> {
  const systemId = resolve === undefined ? undefined : await resolve(ref);
  if (systemId !== undefined && systemId !== "") return { subject: systemId };
  const native = `${ref.kind}:${ref.id}`;
  return { subject: `unmapped:${native}`, unmappedref: native };
}
