// The maturity MCP server: six read-only tools over the platform's read model, the same one the
// portal reads. One server per connection (stdio) or per request (stateless Streamable HTTP).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ToolContext } from "./context.ts";
import { registerCompareTracks } from "./tools/compare-tracks.ts";
import { registerExplainCriterion } from "./tools/explain-criterion.ts";
import { registerFindSystems } from "./tools/find-systems.ts";
import { registerGetScorecard } from "./tools/get-scorecard.ts";
import { registerListRisks } from "./tools/list-risks.ts";
import { registerScoreHistory } from "./tools/score-history.ts";

export type MaturityMcpOptions = ToolContext;

/** The tools, in the order an agent usually needs them. */
export const toolNames = [
  "find_systems",
  "get_scorecard",
  "list_risks",
  "explain_criterion",
  "compare_tracks",
  "score_history",
] as const;

export const serverInstructions =
  "Maturity scores every ML, LLM and agent system of the organisation from evidence (CI runs, deploys, " +
  "evaluations, incidents, LLM telemetry), level 1–5 on five axes: reproducibility, evaluation, deployment, " +
  "observability, governance. Every tool only reads. Start with find_systems (which systems, their levels) or " +
  "list_risks (what most likely causes the next incident); get_scorecard gives one system's criteria, metrics, " +
  "risks and next upgrade; explain_criterion explains a criterion id and, for a system, the events behind it; " +
  "compare_tracks compares classical ML with LLM/agent operations; score_history shows how a system's scores " +
  'moved and why. Answers are summaries unless detail is "full"; lists are paged (pass nextCursor back). ' +
  "Cite the event ids the answers give: they are the evidence.";

export function createMaturityMcpServer(options: MaturityMcpOptions): McpServer {
  const server = new McpServer(
    { name: "maturity", title: "Maturity: AI/MLOps maturity from evidence", version: "0.1.0" },
    { instructions: serverInstructions, capabilities: { tools: {} } },
  );
  registerFindSystems(server, options);
  registerGetScorecard(server, options);
  registerListRisks(server, options);
  registerExplainCriterion(server, options);
  registerCompareTracks(server, options);
  registerScoreHistory(server, options);
  return server;
}
