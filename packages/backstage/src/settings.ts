// The Backstage import's settings, declared once: the processes that sync with a Backstage
// catalogue compose them, and turn them into the sync's configuration here.
import type { SettingValues } from "@maturity/config";
import { z } from "zod";
import {
  defaultTypes,
  parseTypeMapping,
  typeMappingFormat,
  type BackstageMappingOptions,
} from "./mapping-options.ts";

export const backstageSettings = {
  MATURITY_BACKSTAGE_URL: z
    .url({
      protocol: /^https?$/,
      error: "expected the Backstage backend's http(s) URL, e.g. https://backstage.acme.example",
    })
    .refine((url) => !/\/api\/catalog\/?$/.test(url), {
      error: "expected the backend's base URL, without /api/catalog",
    })
    .optional()
    .describe(
      "The Backstage backend whose catalogue is imported (its components and resources that are ML systems); unset, no sync",
    ),
  MATURITY_BACKSTAGE_TOKEN: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A token the Backstage catalogue accepts (a static external-access token), sent as a bearer token",
    ),
  MATURITY_BACKSTAGE_INTERVAL_SECONDS: z.coerce
    .number({ error: "expected a whole number of seconds, at least 60" })
    .int({ error: "expected a whole number of seconds, at least 60" })
    .min(60, { error: "expected a whole number of seconds, at least 60" })
    .default(900)
    .describe("How often the Backstage catalogue is imported again, in seconds"),
  MATURITY_BACKSTAGE_TYPES: z
    .string()
    .superRefine((text, ctx) => {
      try {
        parseTypeMapping(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message, input: text });
      }
    })
    .optional()
    .describe(
      `Which spec.type of a component or resource is which kind of ML system, replacing the default list: ${typeMappingFormat}`,
    ),
};

export type BackstageSettingValues = SettingValues<typeof backstageSettings>;

/** What a Backstage sync needs, from the settings. */
export interface BackstageSyncConfig {
  url: string;
  token: string | undefined;
  intervalMs: number;
  options: BackstageMappingOptions;
}

/**
 * The sync's configuration, or undefined when MATURITY_BACKSTAGE_URL is unset (no sync). Throws
 * `invalid configuration: NAME: …` for settings that make no sense together.
 */
export function backstageConfigFrom(env: BackstageSettingValues): BackstageSyncConfig | undefined {
  if (env.MATURITY_BACKSTAGE_URL === undefined) {
    if (env.MATURITY_BACKSTAGE_TOKEN !== undefined)
      throw new Error(
        "invalid configuration: MATURITY_BACKSTAGE_TOKEN is set but MATURITY_BACKSTAGE_URL is not; set the Backstage backend's URL, or unset the token",
      );
    return undefined;
  }
  let types = defaultTypes;
  if (env.MATURITY_BACKSTAGE_TYPES !== undefined) {
    try {
      types = parseTypeMapping(env.MATURITY_BACKSTAGE_TYPES);
    } catch (error) {
      throw new Error(`invalid configuration: MATURITY_BACKSTAGE_TYPES: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return {
    url: env.MATURITY_BACKSTAGE_URL.replace(/\/+$/, ""),
    token: env.MATURITY_BACKSTAGE_TOKEN,
    intervalMs: env.MATURITY_BACKSTAGE_INTERVAL_SECONDS * 1000,
    options: { types },
  };
}
