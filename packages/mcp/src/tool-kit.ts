// What every tool of the server shares: read-only annotations, a short text beside the structured
// answer, errors that say what to do, and the paging and detail options.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

/** Every tool only reads the store: same answer for the same store, nothing outside it touched. */
export const readOnlyAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** A refusal the caller can act on: the message says what was wrong and what to call instead. */
export class ToolError extends Error {
  override name = "ToolError";
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

export const detailSchema = z
  .enum(["summary", "full"])
  .default("summary")
  .describe(
    'How much to return: "summary" (default) keeps the answer small; "full" adds every item and field.',
  );
export type Detail = z.infer<typeof detailSchema>;

export const limitSchema = (max = maxPageSize, byDefault = defaultPageSize) =>
  z
    .int()
    .min(1)
    .max(max)
    .default(byDefault)
    .describe(`Items per page (default ${byDefault}, at most ${max}).`);

export const cursorSchema = z
  .string()
  .min(1)
  .max(1000)
  .optional()
  .describe(
    "The nextCursor of the previous page, to continue with the same filters; omit for the first page.",
  );

export const nextCursorSchema = z
  .string()
  .nullable()
  .describe("Pass as `cursor` (same filters) for the next page; null on the last page.");

/** Rounded for reading: two decimals are what the portal shows. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export interface ToolAnswer<Data> {
  data: Data;
  /** A few lines for a client that shows only text; the data is in structuredContent. */
  text: string;
}

/** Registers a read-only tool whose answer is structured data (checked against `output`) plus a short text. */
export function registerReadTool<Input extends z.ZodObject, Output extends z.ZodObject>(
  server: McpServer,
  name: string,
  config: { title: string; description: string; input: Input; output: Output },
  run: (input: z.output<Input>) => Promise<ToolAnswer<z.output<Output>>>,
): void {
  server.registerTool(
    name,
    {
      title: config.title,
      description: config.description,
      inputSchema: config.input,
      outputSchema: config.output,
      annotations: { title: config.title, ...readOnlyAnnotations },
    },
    // The SDK's callback type is generic over zod 3 and 4; our input is a zod 4 object.
    (async (input: z.output<Input>): Promise<CallToolResult> => {
      try {
        const { data, text } = await run(input);
        return { content: [{ type: "text", text }], structuredContent: data as Record<string, unknown> };
      } catch (error) {
        return { isError: true, content: [{ type: "text", text: errorText(error) }] };
      }
    }) as never,
  );
}

function errorText(error: unknown): string {
  if (error instanceof ToolError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return (
    `the store could not answer (${message}). Try again in a moment; if it keeps failing, ` +
    "check that the platform's database is up (GET /readyz on the portal)."
  );
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
