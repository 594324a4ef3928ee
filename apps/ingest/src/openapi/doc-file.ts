// docs/openapi.json: the document as a file in the repository, written by `npm run docs` and kept
// current by doc-file.test.ts.
import { fileURLToPath } from "node:url";
import { ingestOpenApiDocument } from "./document.ts";

export const openApiDocPath = fileURLToPath(new URL("../../../../docs/openapi.json", import.meta.url));

export function renderOpenApiFile(): string {
  return `${JSON.stringify(ingestOpenApiDocument(), null, 2)}\n`;
}
