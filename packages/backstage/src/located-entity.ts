import type { Entity } from "@backstage/catalog-model";

/** An entity and, when it was read from a file, where: problems and summaries point there. */
export interface LocatedEntity {
  entity: Entity;
  file?: string;
  /** 1-based line where the entity's document starts. */
  line?: number;
}

/** The place of a located entity, as problems and planned changes carry it. */
export function placeOf(located: { file?: string; line?: number }): { file?: string; line?: number } {
  return {
    ...(located.file !== undefined && { file: located.file }),
    ...(located.line !== undefined && { line: located.line }),
  };
}
