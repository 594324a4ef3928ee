// "Did you mean": the known names nearest a mistyped one, by edits (case aside).
import { editDistance } from "@maturity/config";

export function closestNames(name: string, known: readonly string[], count = 3): string[] {
  const wanted = name.toLowerCase();
  return known
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** The message for a system the source does not have, naming the closest it does. */
export function unknownSystemMessage(systemId: string, where: string, known: readonly string[]): string {
  if (known.length === 0) return `no system "${systemId}" in ${where}: it names no system at all`;
  return `no system "${systemId}" in ${where}; the closest it has: ${closestNames(systemId, known).join(", ")}`;
}
