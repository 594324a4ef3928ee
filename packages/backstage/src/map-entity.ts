// One Backstage entity → one ML system (or the reason it is none, or cannot be one). The rules are
// the README's mapping table; the annotation names come from annotations.ts.
import { DEFAULT_NAMESPACE, stringifyEntityRef, type Entity } from "@backstage/catalog-model";
import {
  isUnmappedSubject,
  keyLengths,
  riskTierSchema,
  sourcesKeyOf,
  systemKindSchema,
  type NativeIdKind,
  type RiskTier,
  type SystemKind,
} from "@maturity/model";
import { annotations } from "./annotations.ts";
import { contentHash, type ImportedSources } from "./content-hash.ts";
import { nameOfRef, namespaceOf, referencedEntity, shortEntityRef } from "./entity-refs.ts";
import { placeOf, type LocatedEntity } from "./located-entity.ts";
import type { MappedSystem } from "./mapped-system.ts";
import { defaultMappingOptions, type BackstageMappingOptions } from "./mapping-options.ts";
import { repoOfSourceLocation } from "./source-location.ts";

export type EntityMapping =
  { status: "system"; system: MappedSystem } | { status: "not-ml" } | { status: "problem"; reason: string };

/** Only components and resources are ever ML systems: systems, groups and users are not. */
const candidateKinds = new Set(["component", "resource"]);

/** Maps a validated entity (see validate-entity.ts). */
export function mapEntity(
  located: LocatedEntity,
  options: BackstageMappingOptions = defaultMappingOptions,
): EntityMapping {
  const { entity } = located;
  if (!candidateKinds.has(entity.kind.toLowerCase())) return { status: "not-ml" };
  const kind = kindOf(entity, options);
  if (kind === undefined) return { status: "not-ml" };
  if (!kind.ok) return problem(kind.reason);
  const riskTier = riskTierOf(entity);
  if (!riskTier.ok) return problem(riskTier.reason);
  const systemId = systemIdOf(entity);
  if (!systemId.ok) return problem(systemId.reason);
  const owner = referenceIn(entity, "owner", "Group");
  if (!owner.ok) return problem(owner.reason);
  if (owner.value === undefined) return problem("spec.owner: required; expected the owning group or user");
  const system = referenceIn(entity, "system", "System");
  if (!system.ok) return problem(system.reason);
  const sources = sourcesOf(entity);
  if (!sources.ok) return problem(sources.reason);
  const description = nonBlank(entity.metadata.description);
  const content = {
    name: nonBlank(entity.metadata.title) ?? entity.metadata.name,
    team: teamOf(entity, system.value, owner.value),
    kind: kind.value,
    riskTier: riskTier.value ?? "minimal",
    ...(description !== undefined && { description }),
    sources: sources.value,
    owner: owner.value,
  };
  return {
    status: "system",
    system: {
      systemId: systemId.value,
      entityRef: stringifyEntityRef(entity),
      ...(nonBlank(entity.metadata.uid) !== undefined && { uid: entity.metadata.uid }),
      ...content,
      riskTierAssumed: riskTier.value === undefined,
      contentHash: contentHash(content),
      ...placeOf(located),
    },
  };
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

function problem(reason: string): EntityMapping {
  return { status: "problem", reason };
}

/** An annotation's value, trimmed; undefined when absent or blank. */
function annotation(entity: Entity, name: string): string | undefined {
  return nonBlank(entity.metadata.annotations?.[name]);
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function enumValue<T extends string>(name: string, value: string, values: readonly T[]): Read<T> {
  return (values as readonly string[]).includes(value)
    ? { ok: true, value: value as T }
    : { ok: false, reason: `${name}: expected ${values.join("|")}, got ${JSON.stringify(value)}` };
}

// The annotation wins over spec.type: it is how an entity of any type says it is an ML system.
function kindOf(entity: Entity, options: BackstageMappingOptions): Read<SystemKind> | undefined {
  const declared = annotation(entity, annotations.kind.name);
  if (declared !== undefined) return enumValue(annotations.kind.name, declared, systemKindSchema.options);
  const type = entity.spec?.type;
  if (typeof type !== "string" || !Object.hasOwn(options.types, type)) return undefined;
  return { ok: true, value: options.types[type]! };
}

function riskTierOf(entity: Entity): Read<RiskTier | undefined> {
  const declared = annotation(entity, annotations.riskTier.name);
  if (declared === undefined) return { ok: true, value: undefined };
  return enumValue(annotations.riskTier.name, declared, riskTierSchema.options);
}

function systemIdOf(entity: Entity): Read<string> {
  const declared = annotation(entity, annotations.systemId.name);
  if (declared === undefined) return { ok: true, value: shortEntityRef(entity) };
  const name = annotations.systemId.name;
  if (declared.length > keyLengths.subject)
    return { ok: false, reason: `${name}: expected at most ${keyLengths.subject} characters` };
  // Subjects starting so are native ids waiting for a system (catalogue/native-ids.ts).
  if (isUnmappedSubject(declared))
    return { ok: false, reason: `${name}: must not start with "unmapped:", got ${JSON.stringify(declared)}` };
  return { ok: true, value: declared };
}

/**
 * A reference in spec (owner, system) as a full ref, with the default kind catalog-model's
 * Component and Resource models give it (Group for an owner, System for a system).
 */
function referenceIn(
  entity: Entity,
  field: "owner" | "system",
  defaultKind: string,
): Read<string | undefined> {
  const ref = nonBlank(entity.spec?.[field]);
  if (ref === undefined) return { ok: true, value: undefined };
  try {
    return { ok: true, value: referencedEntity(entity, ref, defaultKind) };
  } catch (error) {
    return { ok: false, reason: `spec.${field}: ${(error as Error).message}` };
  }
}

function teamOf(entity: Entity, system: string | undefined, owner: string): string {
  const declared = annotation(entity, annotations.team.name);
  if (declared !== undefined) return declared;
  if (system !== undefined) return nameOfRef(system);
  const namespace = namespaceOf(entity).toLowerCase();
  if (namespace !== DEFAULT_NAMESPACE) return namespace;
  return nameOfRef(owner);
}

const githubSlug = /^[^/\s]+\/[^/\s]+$/;

function sourcesOf(entity: Entity): Read<ImportedSources> {
  const ids: Record<NativeIdKind, string[]> = { repo: [], registryModel: [], service: [], gpuQueue: [] };
  const slug = annotation(entity, annotations.projectSlug.name);
  if (slug !== undefined) {
    if (!githubSlug.test(slug))
      return {
        ok: false,
        reason: `${annotations.projectSlug.name}: expected owner/repo, got ${JSON.stringify(slug)}`,
      };
    ids.repo.push(slug);
  }
  const location = annotation(entity, annotations.sourceLocation.name);
  const repo = location === undefined ? undefined : repoOfSourceLocation(location);
  if (repo !== undefined) ids.repo.push(repo);
  const models = annotation(entity, annotations.registeredModels.name);
  if (models !== undefined) ids.registryModel.push(...models.split(",").map((model) => model.trim()));
  const queues = annotation(entity, annotations.gpuQueues.name);
  if (queues !== undefined) ids.gpuQueue.push(...queues.split(",").map((queue) => queue.trim()));
  const services = annotation(entity, annotations.services.name);
  if (services !== undefined) ids.service.push(...services.split(",").map((name) => name.trim()));
  const service = annotation(entity, annotations.pagerDutyService.name);
  if (service !== undefined) ids.service.push(service);
  const sources: ImportedSources = {};
  for (const [kind, list] of Object.entries(ids) as [NativeIdKind, string[]][]) {
    const unique = [...new Set(list.filter((id) => id !== ""))].sort();
    if (unique.length > 0) sources[sourcesKeyOf(kind)] = unique;
  }
  return { ok: true, value: sources };
}
