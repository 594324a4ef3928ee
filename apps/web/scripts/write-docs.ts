// Writes the files generated from the settings (npm run docs -w @maturity/web).
import { writeFile } from "node:fs/promises";
import { generatedDocs } from "../src/docs/index.ts";

for (const page of generatedDocs) {
  await writeFile(page.path, page.render());
  console.log(`wrote ${page.path}`);
}
