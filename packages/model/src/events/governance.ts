import { z } from "zod";
import { count, text } from "./fields.ts";

export const governanceEventData = {
  "gov.owner.assigned": z.looseObject({ owner: text, onCallRotation: text.optional() }),
  "gov.risk_assessment.completed": z.looseObject({
    changeRef: text.optional(),
    trigger: z.enum(["material_change", "periodic", "initial"]),
    outcome: z.enum(["accepted", "mitigations_required", "rejected"]),
  }),
  "gov.change.reviewed": z.looseObject({ changeRef: text, reviewer: text, approved: z.boolean() }),
  "gov.hitl_override.documented": z.looseObject({ docRef: text }),
  "gov.redteam.completed": z.looseObject({ scheduled: z.boolean(), findings: count, passed: z.boolean() }),
  "gov.fairness.checked": z.looseObject({
    dimensions: z.array(text),
    thresholdsDocumented: z.boolean(),
    passed: z.boolean(),
  }),
  "gov.docs.generated": z.looseObject({
    artefact: z.enum(["model_card", "technical_documentation", "risk_register"]),
    fromPipeline: z.boolean(),
  }),
  "gov.audit.requested": z.looseObject({ auditId: text, requestedBy: text }),
  "gov.audit.delivered": z.looseObject({ auditId: text }),
} as const;
