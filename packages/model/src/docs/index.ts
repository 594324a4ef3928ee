import { fileURLToPath } from "node:url";
import { renderInputLimitsDoc } from "./input-limits.ts";

/** The pages under docs/ generated from the model, each with the function that renders it. */
export const generatedDocs = [
  {
    path: fileURLToPath(new URL("../../../../docs/input-limits.md", import.meta.url)),
    render: renderInputLimitsDoc,
  },
];
