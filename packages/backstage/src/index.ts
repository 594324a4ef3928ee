// @maturity/backstage: a Backstage software catalogue → our catalogue events.
export { annotations, annotationDocs, type AnnotationDoc } from "./annotations.ts";
export { readEntityFiles, readEntityText, type EntityFiles } from "./read-entity-files.ts";
export type { LocatedEntity } from "./located-entity.ts";
export { formatEntityProblem, formatPlace, type EntityProblem } from "./problems.ts";
export { validateEntity, validateEntities, type EntityValidation } from "./validate-entity.ts";
export {
  defaultMappingOptions,
  defaultTypes,
  parseTypeMapping,
  typeMappingFormat,
  type BackstageMappingOptions,
} from "./mapping-options.ts";
export { entityRefOf, shortEntityRef } from "./entity-refs.ts";
export { repoOfSourceLocation } from "./source-location.ts";
export { contentHash, type ImportedContent, type ImportedSources } from "./content-hash.ts";
export type { MappedSystem } from "./mapped-system.ts";
export { mapEntity, type EntityMapping } from "./map-entity.ts";
export { mapEntities, type EntityMappings } from "./map-entities.ts";
export { importLocation, importSource } from "./import-source.ts";
export { importEventId, type ImportEventKey } from "./event-ids.ts";
export { importedSystemsFrom, type ImportedSystem } from "./imported-systems.ts";
export {
  planBackstageImport,
  type ImportPlan,
  type ImportSummary,
  type PlanImportInput,
  type PlannedChange,
} from "./plan-import.ts";
export { renderImportSummary } from "./render-summary.ts";
export { fetchCatalogueEntities, type FetchCatalogueOptions } from "./fetch-entities.ts";
export {
  backstageConfigFrom,
  backstageSettings,
  type BackstageSettingValues,
  type BackstageSyncConfig,
} from "./settings.ts";
