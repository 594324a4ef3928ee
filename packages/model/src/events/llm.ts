// Prompt and tool-catalogue state of LLM and agent systems.
import { z } from "zod";
import { text } from "./fields.ts";

export const llmEventData = {
  "prompt.version.committed": z.looseObject({ promptId: text, version: text, commitSha: text.optional() }),
  "llm.tool_catalog.updated": z.looseObject({
    // The full catalogue as it now stands, not a delta.
    tools: z.array(z.looseObject({ name: text, owner: text.optional(), allowlisted: z.boolean() })),
  }),
} as const;
