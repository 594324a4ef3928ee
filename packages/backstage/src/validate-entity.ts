// Validation with @backstage/catalog-model, the rules Backstage itself applies when it ingests an
// entity: what Backstage would refuse is not imported either.
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
  type KindValidator,
} from "@backstage/catalog-model";
import { entityRefOf } from "./entity-refs.ts";
import { placeOf, type LocatedEntity } from "./located-entity.ts";
import type { EntityProblem } from "./problems.ts";

// Backstage's own policies. The root-field check comes first because it names the field (the
// schema's message does not) and reads nothing else; then the schema, which the last two need:
// they assume the envelope's shape (a metadata object).
const policy = EntityPolicies.allOf([
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

const kindValidators: ReadonlyArray<[kind: string, validator: KindValidator]> = [
  ["Component", componentEntityV1alpha1Validator],
  ["Resource", resourceEntityV1alpha1Validator],
  ["System", systemEntityV1alpha1Validator],
  ["Group", groupEntityV1alpha1Validator],
  ["User", userEntityV1alpha1Validator],
  ["API", apiEntityV1alpha1Validator],
  ["Domain", domainEntityV1alpha1Validator],
  ["Location", locationEntityV1alpha1Validator],
];

export type EntityValidation = { ok: true; entity: Entity } | { ok: false; reason: string };

/**
 * Checks one entity as Backstage would; the entity it returns has its namespace filled in. An
 * entity of a kind catalog-model does not know (a Template, a custom kind) passes on its envelope
 * alone: it cannot be an ML system, and refusing it would only add noise.
 */
export async function validateEntity(input: unknown): Promise<EntityValidation> {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return {
      ok: false,
      reason: `expected an entity (apiVersion, kind, metadata, spec), got ${describeValue(input)}`,
    };
  let entity: Entity;
  try {
    // A copy: the policies may fill in fields, and the caller's object stays as it was.
    entity = (await policy.enforce(structuredClone(input) as Entity)) as Entity;
    for (const [, validator] of kindValidators)
      if (await validator.check(entity)) return { ok: true, entity };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  // A built-in kind no validator took has an apiVersion (or a spelling) catalog-model does not know.
  const builtin = kindValidators.find(([kind]) => kind.toLowerCase() === entity.kind.toLowerCase());
  if (builtin !== undefined)
    return {
      ok: false,
      reason: `kind ${JSON.stringify(entity.kind)} with apiVersion ${JSON.stringify(entity.apiVersion)} is not one Backstage knows; expected kind ${builtin[0]} with apiVersion backstage.io/v1alpha1 or backstage.io/v1beta1`,
    };
  return { ok: true, entity };
}

/** The entities Backstage would accept, and a problem for each other one. */
export async function validateEntities(
  entities: readonly LocatedEntity[],
): Promise<{ valid: LocatedEntity[]; problems: EntityProblem[] }> {
  const valid: LocatedEntity[] = [];
  const problems: EntityProblem[] = [];
  for (const located of entities) {
    const result = await validateEntity(located.entity);
    if (result.ok) {
      valid.push({ ...located, entity: result.entity });
      continue;
    }
    const entityRef = entityRefOf(located.entity);
    problems.push({
      ...placeOf(located),
      ...(entityRef !== undefined && { entityRef }),
      reason: result.reason,
    });
  }
  return { valid, problems };
}

// catalog-model's messages end with a link to its file format; the CLI prints one line per entity.
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*To learn more about catalog file format, visit: \S+$/, "");
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "nothing";
  return `a ${typeof value}`;
}
