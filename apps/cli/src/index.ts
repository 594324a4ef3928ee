// What other workspaces may import from the CLI: its settings (for docs/configuration.md).
export { cliProcessSettings } from "./env.ts";
export { cliSettings } from "./settings.ts";
