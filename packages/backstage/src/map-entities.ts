// The ML systems a set of validated entities describes, one per system id.
import { stringifyEntityRef } from "@backstage/catalog-model";
import { annotations } from "./annotations.ts";
import { placeOf, type LocatedEntity } from "./located-entity.ts";
import type { MappedSystem } from "./mapped-system.ts";
import { mapEntity } from "./map-entity.ts";
import { defaultMappingOptions, type BackstageMappingOptions } from "./mapping-options.ts";
import { formatPlace, type EntityProblem } from "./problems.ts";

export interface EntityMappings {
  /** In the order of the entities. */
  systems: MappedSystem[];
  /** Entities that are not ML systems (groups, users, a website, …): counted, not listed. */
  notMlSystems: number;
  problems: EntityProblem[];
}

/**
 * Maps every entity. Of two entities that map to one system id, the first keeps it and the
 * second is a problem naming both.
 */
export function mapEntities(
  entities: readonly LocatedEntity[],
  options: BackstageMappingOptions = defaultMappingOptions,
): EntityMappings {
  const result: EntityMappings = { systems: [], notMlSystems: 0, problems: [] };
  const bySystemId = new Map<string, MappedSystem>();
  for (const located of entities) {
    const mapping = mapEntity(located, options);
    if (mapping.status === "not-ml") {
      result.notMlSystems++;
      continue;
    }
    const entityRef = stringifyEntityRef(located.entity);
    if (mapping.status === "problem") {
      result.problems.push({ ...placeOf(located), entityRef, reason: mapping.reason });
      continue;
    }
    const { system } = mapping;
    const first = bySystemId.get(system.systemId);
    if (first !== undefined) {
      const firstPlace = formatPlace(first);
      result.problems.push({
        ...placeOf(located),
        entityRef,
        reason: `system id ${JSON.stringify(system.systemId)} is already ${first.entityRef}'s${firstPlace === undefined ? "" : ` (${firstPlace})`}; give one of them a ${annotations.systemId.name} annotation`,
      });
      continue;
    }
    bySystemId.set(system.systemId, system);
    result.systems.push(system);
  }
  return result;
}
