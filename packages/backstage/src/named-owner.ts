// Backstage requires every component to have an owner, so catalogues that have not found one yet
// write a placeholder. Such an owner is nobody: the import does not assign it.
import { nameOfRef } from "./entity-refs.ts";

/** Owner names (the name part of the ref) that mean "nobody yet". */
export const placeholderOwners: readonly string[] = ["unassigned", "unknown", "none", "tbd", "nobody"];

/** The owner to assign, or undefined for a placeholder. */
export function namedOwner(owner: string): string | undefined {
  return placeholderOwners.includes(nameOfRef(owner).toLowerCase()) ? undefined : owner;
}
