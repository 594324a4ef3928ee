// Entity references as the import uses them: the full form for provenance, a short form for system
// ids, and the name part of a reference for team names.
import { DEFAULT_NAMESPACE, parseEntityRef, stringifyEntityRef, type Entity } from "@backstage/catalog-model";

/** The namespace an entity is in: its own, or Backstage's default. */
export function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace ?? DEFAULT_NAMESPACE;
}

/**
 * The full ref (`component:default/fraud-scorer`) of anything that reads like an entity, even an
 * invalid one, so a problem can name it; undefined when its kind or name cannot be read.
 */
export function entityRefOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { kind, metadata } = value as { kind?: unknown; metadata?: unknown };
  if (typeof kind !== "string" || kind === "" || typeof metadata !== "object" || metadata === null)
    return undefined;
  const { name, namespace } = metadata as { name?: unknown; namespace?: unknown };
  if (typeof name !== "string" || name === "") return undefined;
  return stringifyEntityRef({
    kind,
    name,
    namespace: typeof namespace === "string" && namespace !== "" ? namespace : DEFAULT_NAMESPACE,
  });
}

/**
 * The ref in its shortest unambiguous form, lowercased: the kind left out when it is Component
 * and the namespace when it is `default` (`fraud-scorer`, `payments/fraud-scorer`,
 * `resource:feature-store`, `resource:payments/feature-store`).
 */
export function shortEntityRef(entity: Entity): string {
  const kind = entity.kind.toLowerCase();
  const namespace = namespaceOf(entity).toLowerCase();
  const name = entity.metadata.name.toLowerCase();
  return (
    (kind === "component" ? "" : `${kind}:`) + (namespace === DEFAULT_NAMESPACE ? "" : `${namespace}/`) + name
  );
}

/**
 * A reference an entity makes (spec.owner, spec.system) in full form. A bare name takes the kind
 * given and the entity's own namespace, as Backstage resolves it.
 */
export function referencedEntity(entity: Entity, ref: string, defaultKind: string): string {
  return stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace: namespaceOf(entity) }));
}

/** The name part of a full ref: `group:default/ml-platform` → `ml-platform`. */
export function nameOfRef(fullRef: string): string {
  return parseEntityRef(fullRef).name;
}
