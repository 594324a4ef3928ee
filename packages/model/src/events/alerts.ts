import { z } from "zod";
import { alertRuleSchema } from "../alerts/rules.ts";
import { text } from "./fields.ts";

/** The subject of the events that change how alerts are sent: they are about no one system. */
export const alertsSubject = "alerts";

/** The most rules one change may put in force. */
export const maxAlertRules = 200;

export const alertsEventData = {
  /**
   * An admin changed the alert rules in the portal. `rules` replaces the rules in force; null puts
   * the alerts file's own rules back. Destinations (with their credentials) stay in the file.
   */
  "alerts.rules.changed": z.looseObject({
    actor: text,
    rules: z.array(alertRuleSchema).max(maxAlertRules).nullable(),
  }),
  /** An admin asked for a dead alert message to be sent again, from its first attempt. */
  "alerts.delivery.redriven": z.looseObject({ actor: text, messageId: text }),
} as const;
