// Writes the generated pages under docs/ (npm run docs -w @maturity/model).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { generatedDocs } from "../src/docs/index.ts";

for (const page of generatedDocs) {
  await mkdir(dirname(page.path), { recursive: true });
  await writeFile(page.path, page.render());
  console.log(`wrote ${page.path}`);
}
