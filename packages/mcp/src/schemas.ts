// Output pieces several tools share, and how a risk is shown at each level of detail.
import type { Axis, Risk } from "@maturity/model";
import { axes, axisSchema, riskKindSchema } from "@maturity/model";
import { z } from "zod";
import type { Detail } from "./tool-kit.ts";
import { round2 } from "./tool-kit.ts";

/** One number (or null: no data) per axis. */
export function perAxis<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(axes.map((axis) => [axis, value])) as Record<Axis, T>);
}

export const evidenceIdsSchema = z
  .array(z.string())
  .describe("Ids of the stored events behind this item (cite them; the portal opens each).");

export const riskOutputSchema = z.object({
  kind: riskKindSchema,
  systemId: z.string().nullable().describe("null for a team-level risk (track_gap)"),
  team: z.string(),
  rank: z.number().describe("severity × exposure × likelihood; higher first"),
  axes: z.array(axisSchema),
  summary: z.string(),
  nextUpgrade: z.string().optional().describe('What to do about it (with detail "full", or on a scorecard)'),
  evidence: evidenceIdsSchema,
  evidenceCount: z.int(),
});
export type RiskOutput = z.infer<typeof riskOutputSchema>;

/** Summary: the first few evidence ids and no advice; full: all of both. */
export function riskOutput(risk: Risk, detail: Detail, options: { advice?: boolean } = {}): RiskOutput {
  // A risk may name an event once per criterion it stands on; each is cited once.
  const evidence = [...new Set(risk.evidence)];
  const evidenceShown = detail === "full" ? evidence.length : 5;
  return {
    kind: risk.kind,
    systemId: risk.systemId ?? null,
    team: risk.team,
    rank: round2(risk.rank),
    axes: risk.axes ?? [],
    summary: risk.summary,
    ...((detail === "full" || options.advice === true) && { nextUpgrade: risk.nextUpgrade }),
    evidence: evidence.slice(0, evidenceShown),
    evidenceCount: evidence.length,
  };
}

export function riskLine(risk: RiskOutput): string {
  const where = risk.systemId === null ? `team ${risk.team}` : risk.systemId;
  const cited = risk.evidence.length === 0 ? "" : ` [events: ${risk.evidence.slice(0, 3).join(", ")}]`;
  return `${risk.kind} (${where}, rank ${risk.rank}): ${risk.summary}${cited}`;
}

/** The portal page of a system, when the server knows the portal's address. */
export function systemPageUrl(portalUrl: string | undefined, systemId: string): string | undefined {
  return portalUrl === undefined
    ? undefined
    : `${portalUrl.replace(/\/+$/, "")}/systems/${encodeURIComponent(systemId)}`;
}
