// Test helpers other workspaces' MCP suites share (@maturity/mcp/testing).
export {
  fillWithScenarios,
  rubricInForceOf,
  scenarioAsOf,
  scenarioLines,
  scenariosFile,
} from "./scenario-store.ts";
export { allPages, call, checkEveryTool, checkToolList } from "./tool-checks.ts";
export type { ToolAnswer } from "./tool-checks.ts";
