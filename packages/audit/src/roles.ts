// Which events of a source belong in one system's pack, and why: the same rule decides what the
// writer folds and writes and what the verifier re-folds, so a pack re-scores as it was scored.
import type { MaturityEvent } from "@maturity/model";
import { highVolumeEventTypes, nativeIdOfSubject, readdressed } from "@maturity/model";

/**
 * - `chained`: the system's own event in the main store, a link of its hash chain;
 * - `telemetry`: its own high-volume telemetry, which the store keeps unchained;
 * - `native-id`: an event of a native id mapped to it (chained under that id, not the system);
 * - `gpu-queue`: a GPU queue's configuration, which every system's queueing criterion reads.
 */
export type PackRole = "chained" | "telemetry" | "native-id" | "gpu-queue";

const highVolume = new Set<string>(highVolumeEventTypes);

export class PackRoles {
  private readonly nativeIds: ReadonlySet<string>;

  constructor(
    readonly systemId: string,
    nativeIds: readonly string[] = [],
  ) {
    this.nativeIds = new Set(nativeIds);
  }

  /** The event's role in this system's pack, or undefined when it has none. */
  of(event: MaturityEvent): PackRole | undefined {
    if (event.subject === this.systemId) return highVolume.has(event.type) ? "telemetry" : "chained";
    if (event.type === "gpu.queue.configured") return "gpu-queue";
    const ref = nativeIdOfSubject(event.subject);
    return ref !== undefined && this.nativeIds.has(ref) ? "native-id" : undefined;
  }

  /** The event as the system folds it: a native id's event re-addressed to the system. */
  folded(event: MaturityEvent, role: PackRole): MaturityEvent {
    return role === "native-id" ? readdressed(event, this.systemId) : event;
  }
}
