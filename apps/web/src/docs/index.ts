import { fileURLToPath } from "node:url";
import { renderConfigurationDoc, renderKnownSettings } from "./configuration.ts";

/** The files generated from this app's view of every process's settings, each with its renderer. */
export const generatedDocs = [
  {
    path: fileURLToPath(new URL("../../../../docs/configuration.md", import.meta.url)),
    render: renderConfigurationDoc,
  },
  {
    path: fileURLToPath(new URL("../../../../packages/config/src/known-settings.ts", import.meta.url)),
    render: renderKnownSettings,
  },
];
