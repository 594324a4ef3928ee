// Where imported events say they come from: `backstage:<location>`, one source per catalogue
// location, so the store's (source, id) dedup and the next import's look-up stay per location.
import { createHash } from "node:crypto";
import { keyLengths } from "@maturity/model";

const prefix = "backstage:";
const longest = keyLengths.source - prefix.length;

/**
 * The location as imported events carry it (origin.location, and the source after the prefix):
 * as given when it fits the source's length limit, else its start and a hash of the whole.
 */
export function importLocation(location: string): string {
  if (location === "") throw new Error("an import needs a location (a file path or the catalogue's URL)");
  if (location.length <= longest) return location;
  const hash = createHash("sha256").update(location).digest("hex");
  return `${location.slice(0, longest - 72)}#sha256:${hash}`;
}

/** The CloudEvents source of every event an import from this location writes. */
export function importSource(location: string): string {
  return prefix + importLocation(location);
}
