// The example catalogue under test/fixtures/catalog, read as the CLI reads it.
import { fileURLToPath } from "node:url";
import { readEntityFiles } from "../read-entity-files.ts";

export const fixtureCatalog = fileURLToPath(new URL("../../test/fixtures/catalog", import.meta.url));
export const fixtureFile = `${fixtureCatalog}/catalog-info.yaml`;
export const fixtureSubFile = `${fixtureCatalog}/more/search.yaml`;

export function readFixtures() {
  return readEntityFiles([fixtureCatalog]);
}
