import { z } from "zod";

/** A waiver in force: the criterion counts as met until `expiresAt`, and says so. */
export const waiverSchema = z.object({
  criterionId: z.string(),
  reason: z.string(),
  approver: z.string(),
  /** When it was granted (the gov.waiver.granted event's time). */
  grantedAt: z.iso.datetime(),
  /** When it stops counting: the grant's expiry, shortened to the policy's longest waiver. */
  expiresAt: z.iso.datetime(),
  /** The gov.waiver.granted event. */
  eventId: z.string(),
});
export type Waiver = z.infer<typeof waiverSchema>;
