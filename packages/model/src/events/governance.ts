import { z } from "zod";
import { count, deadline, text } from "./fields.ts";
import { criterionIdPattern } from "../rubric/criterion-id.ts";

const criterionId = z.string().regex(criterionIdPattern, {
  error: "expected a criterion id such as evaluation.l3.offline-eval-gate (see docs/rubric.md)",
});

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
  "gov.waiver.granted": z.looseObject({ criterionId, reason: text, approver: text, expiresAt: deadline }),
  "gov.waiver.revoked": z.looseObject({ criterionId, reason: text.optional() }),
} as const;
