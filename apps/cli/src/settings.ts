// The settings only the `maturity` command reads, declared once; env.ts composes them with the
// database's and the event log's.
import { z } from "zod";

/** Where `maturity emit` sends its event when neither --to nor MATURITY_INGEST_URL says. */
export const defaultIngestUrl = "http://localhost:3000";
/** Where `maturity import` finds the portal when neither --to nor MATURITY_PORTAL_URL says. */
export const defaultPortalUrl = "http://localhost:3000";

export const cliSettings = {
  MATURITY_INGEST_TOKEN: z
    .string()
    .optional()
    .describe(
      "The bearer token `maturity emit` and `maturity demo --to <url>` send when --token is not given",
    ),
  MATURITY_INGEST_URL: z
    .url({ protocol: /^https?$/, error: "expected the ingest base URL, e.g. http://localhost:3000" })
    .default(defaultIngestUrl)
    .describe("The ingest base URL `maturity emit` posts to (`<url>/v1/events`) when --to is not given"),
  MATURITY_PORTAL_URL: z
    .url({ protocol: /^https?$/, error: "expected the portal's base URL, e.g. http://localhost:3000" })
    .default(defaultPortalUrl)
    .describe("The portal's base URL `maturity import` sends to when --to is not given"),
  MATURITY_API_TOKEN: z
    .string()
    .optional()
    .describe(
      "A portal API token (one of MATURITY_API_TOKENS) `maturity import` sends when --token is not given",
    ),
};
