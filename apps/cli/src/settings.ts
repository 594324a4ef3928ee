// The settings only the `maturity` command reads, declared once; env.ts composes them with the
// database's and the event log's.
import { z } from "zod";

export const cliSettings = {
  MATURITY_INGEST_TOKEN: z
    .string()
    .optional()
    .describe("The bearer token `maturity demo --to <url>` sends when --token is not given"),
};
