import { fileURLToPath } from "node:url";
import { renderEventCatalogueDoc } from "./event-catalogue.ts";
import { renderInputLimitsDoc } from "./input-limits.ts";
import { renderRubricDoc } from "./rubric.ts";
import { renderScoreReportDoc } from "./score-report.ts";

const docsPage = (name: string) => fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url));

/** The pages under docs/ generated from the model, each with the function that renders it. */
export const generatedDocs = [
  { path: docsPage("input-limits.md"), render: renderInputLimitsDoc },
  { path: docsPage("event-catalogue.md"), render: renderEventCatalogueDoc },
  { path: docsPage("rubric.md"), render: () => renderRubricDoc() },
  { path: docsPage("score-report.md"), render: renderScoreReportDoc },
];
