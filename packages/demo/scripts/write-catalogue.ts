// Writes examples/backstage/demo-org/catalog-info.yaml (npm run docs -w @maturity/demo).
import { writeFile } from "node:fs/promises";
import { exampleCataloguePath, renderExampleCatalogue } from "../src/example-catalogue.ts";

await writeFile(exampleCataloguePath, renderExampleCatalogue());
console.log(`wrote ${exampleCataloguePath}`);
