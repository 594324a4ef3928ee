import { fileURLToPath } from "node:url";
import { publishedSchemas } from "../contracts/index.ts";
import { renderEventCatalogueDoc } from "./event-catalogue.ts";
import { renderInputLimitsDoc } from "./input-limits.ts";
import { renderRubricDoc } from "./rubric.ts";
import { renderSchemaFile, renderSchemasReadme, schemaDocPath } from "./schemas.ts";
import { renderScoreReportDoc } from "./score-report.ts";

const docsPage = (name: string) => fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url));

/** The pages under docs/ generated from the model, each with the function that renders it. */
export const generatedDocs = [
  { path: docsPage("input-limits.md"), render: renderInputLimitsDoc },
  { path: docsPage("event-catalogue.md"), render: renderEventCatalogueDoc },
  { path: docsPage("rubric.md"), render: () => renderRubricDoc() },
  { path: docsPage("score-report.md"), render: renderScoreReportDoc },
  { path: docsPage("schemas/README.md"), render: renderSchemasReadme },
  ...[...publishedSchemas().values()].map(({ entry, schema }) => ({
    path: docsPage(`schemas/${schemaDocPath(entry.file, entry.kind)}`),
    render: () => renderSchemaFile(schema),
  })),
];
