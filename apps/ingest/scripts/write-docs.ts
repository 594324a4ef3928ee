// Writes docs/openapi.json (npm run docs -w @maturity/ingest).
import { writeFile } from "node:fs/promises";
import { openApiDocPath, renderOpenApiFile } from "../src/openapi/doc-file.ts";

await writeFile(openApiDocPath, renderOpenApiFile());
console.log(`wrote ${openApiDocPath}`);
