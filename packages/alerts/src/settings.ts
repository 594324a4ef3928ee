// The alerts' setting, declared once: the processes that send alerts compose it.
import type { SettingValues } from "@maturity/config";
import { z } from "zod";

export const alertSettings = {
  MATURITY_ALERTS: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The alert rules file (YAML): destinations (signed webhooks, Slack) and the changes that alert them, e.g. `alerts.yaml`; unset, no alerts are decided or sent (see docs/alerts.md)",
    ),
};

export type AlertSettingValues = SettingValues<typeof alertSettings>;
