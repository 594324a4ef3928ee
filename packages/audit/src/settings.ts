// The audit packs' setting, declared once: the `maturity` command and the portal both compose it.
import { z } from "zod";

/** The key audit packs are signed with. */
export const signingKeySettings = {
  MATURITY_SIGNING_KEY: z
    .string()
    .optional()
    .describe(
      "The Ed25519 private key audit packs are signed with: a PEM file's path, or the PEM text itself; unset, packs are unsigned (`maturity audit-pack --signing-key` names one)",
    ),
};
