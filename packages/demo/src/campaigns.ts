// The demo organisation's campaign: the target its leaders set for the LLM track, so the campaign
// pages show a burn-up with some systems on track and some that will miss.
import type { Campaign } from "@maturity/model";
import type { DemoOptions } from "./options.ts";
import { dayMs } from "./timeline.ts";

/** How far after the history's end the demo campaign's deadline falls. */
const deadlineDays = 270;

export function demoCampaigns(options: Pick<DemoOptions, "end">): Campaign[] {
  return [
    {
      id: "llm-evaluation-l3",
      name: "High-risk LLM and agent systems at evaluation level 3",
      description:
        "Every high-risk LLM or agent system runs a gated evaluation suite on every release before the deadline.",
      scope: { kinds: ["llm", "agent"], riskTiers: ["high"] },
      target: { kind: "axis_level", axis: "evaluation", level: 3 },
      deadline: new Date(options.end + deadlineDays * dayMs).toISOString(),
      owner: "head-of-ml-platform",
    },
  ];
}
