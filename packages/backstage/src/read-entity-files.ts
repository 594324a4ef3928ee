// Reading catalog-info files as Backstage repositories hold them: YAML, several entities per file
// separated by `---`, each entity remembering the file and line it came from.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Entity } from "@backstage/catalog-model";
import { isScalar, LineCounter, parseAllDocuments, type Document } from "yaml";
import { entityRefOf } from "./entity-refs.ts";
import type { LocatedEntity } from "./located-entity.ts";
import type { EntityProblem } from "./problems.ts";

export interface EntityFiles {
  entities: LocatedEntity[];
  problems: EntityProblem[];
}

/**
 * Reads every entity in the given files and directories (directories recursively: their
 * `*.yaml`/`*.yml` files in name order, `node_modules` and dot-folders skipped, symbolic links
 * not followed). A file is read once however often it is named. What cannot be read is a problem
 * with its place; the rest is still read. Entities are returned as written, not yet validated.
 */
export async function readEntityFiles(paths: readonly string[]): Promise<EntityFiles> {
  const result: EntityFiles = { entities: [], problems: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    let files: string[];
    try {
      files = (await stat(path)).isDirectory() ? await yamlFilesUnder(path) : [path];
    } catch (error) {
      result.problems.push({ file: path, reason: `cannot be read: ${messageOf(error)}` });
      continue;
    }
    for (const file of files) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        result.problems.push({ file, reason: `cannot be read: ${messageOf(error)}` });
        continue;
      }
      const read = readEntityText(text, file);
      result.entities.push(...read.entities);
      result.problems.push(...read.problems);
    }
  }
  return result;
}

/** The entities of one file's text; `file` names it in what is returned. */
export function readEntityText(text: string, file: string): EntityFiles {
  const result: EntityFiles = { entities: [], problems: [] };
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    documents = [...parseAllDocuments(text, { lineCounter, prettyErrors: false })];
  } catch (error) {
    return {
      entities: [],
      problems: [{ file, line: 1, column: 1, reason: `cannot be read: ${messageOf(error)}` }],
    };
  }
  for (const document of documents) {
    // The line of the entity's first field, past the `---` and any comment above it.
    const line = lineCounter.linePos(document.contents?.range[0] ?? document.range[0]).line;
    const [error] = document.errors;
    if (error !== undefined) {
      const { line: errorLine, col } = lineCounter.linePos(error.pos[0]);
      const entityRef = entityRefOf(valueOf(document));
      result.problems.push({
        file,
        line: errorLine,
        column: col,
        ...(entityRef !== undefined && { entityRef }),
        reason: `YAML syntax: ${error.message}`,
      });
      continue;
    }
    if (document.contents === null || (isScalar(document.contents) && document.contents.value === null))
      continue;
    let value: unknown;
    try {
      // Aliases of aliases could blow a small file up into a huge document: a hundred at most.
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      result.problems.push({ file, line, reason: `cannot be read: ${messageOf(error)}` });
      continue;
    }
    result.entities.push({ entity: value as Entity, file, line });
  }
  return result;
}

// What a broken document still says, only to name the entity in its problem.
function valueOf(document: Document.Parsed): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

async function yamlFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      files.push(...(await yamlFilesUnder(path)));
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(path);
  }
  return files;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
