// Writes the generated pages under docs/ (npm run docs -w @maturity/model).
import { writeFile } from "node:fs/promises";
import { generatedDocs } from "../src/docs/index.ts";

for (const page of generatedDocs) {
  await writeFile(page.path, page.render());
  console.log(`wrote ${page.path}`);
}
