// What goes wrong with one entity (or one document of a file), in the form the CLI prints.

/** An entity (or a document) that was not imported, and why. */
export interface EntityProblem {
  /** The file it was read from; absent for an entity from the catalogue API. */
  file?: string;
  /** 1-based line of the entity (of the error, for a YAML syntax error). */
  line?: number;
  /** 1-based column, for a YAML syntax error. */
  column?: number;
  /** `kind:namespace/name`, when the kind and name could be read. */
  entityRef?: string;
  reason: string;
}

/** `file:line:column`, as editors jump to it; undefined without a file. */
export function formatPlace(place: { file?: string; line?: number; column?: number }): string | undefined {
  if (place.file === undefined) return undefined;
  if (place.line === undefined) return place.file;
  return place.column === undefined
    ? `${place.file}:${place.line}`
    : `${place.file}:${place.line}:${place.column}`;
}

/** `file:line:column entityRef: reason`; the parts that are unknown are left out. */
export function formatEntityProblem(problem: EntityProblem): string {
  const where = [formatPlace(problem), problem.entityRef].filter((part) => part !== undefined).join(" ");
  return where === "" ? problem.reason : `${where}: ${problem.reason}`;
}
