import { emptyKindFacts, kindVersions } from "./kinds/index.ts";
import type { OrgFacts, QueueFacts, SystemFacts } from "./types.ts";
import { factsVersion } from "./types.ts";

export { columnListNames } from "./kinds/index.ts";

export function initialFacts(): OrgFacts {
  return { factsVersion, systems: {}, queues: {} };
}

export function initialSystemFacts(systemId: string): SystemFacts {
  return { systemId, seen: [], versions: kindVersions, ...emptyKindFacts() };
}

export function initialQueueFacts(queue: string): QueueFacts {
  return { queue, seen: [], configs: [] };
}
