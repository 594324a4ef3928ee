// cyclonedx.json: the system as a CycloneDX 1.6 BOM for tools that read attestations. The system is
// a machine-learning-model component with what the events know of its model card; `declarations`
// holds one claim per criterion with its evidence, and an attestation that maps each regulation
// clause the rubric cites (a requirement under definitions.standards) to those claims. Everything
// is derived from the inputs, the serial number and timestamps included, so the same inputs give
// the same file.
import { createHash } from "node:crypto";
import type { CriterionResult } from "@maturity/model";
import { axes } from "@maturity/model";
import type { CriterionDefinition } from "@maturity/model/rubric";
import type { PackBasis } from "../basis.ts";
import { clauseIndex, type ClauseEntry } from "../clause-index.ts";
import { clauseLabel, frameworkFacts, frameworks } from "../frameworks.ts";

type Property = { name: string; value: string };

const assessorRef = "assessor:maturity";
const systemRef = (systemId: string) => `system:${systemId}`;
const claimRef = (criterionId: string) => `claim:${criterionId}`;
const evidenceRef = (criterionId: string) => `evidence:${criterionId}`;
const requirementRef = (entry: { framework: ClauseEntry["framework"]; clause: string }) =>
  `requirement:${frameworkFacts(entry.framework).slug}:${entry.clause}`;

export function cycloneDx(basis: PackBasis): Record<string, unknown> {
  const { report, policy, dossier } = basis;
  const asOf = new Date(basis.asOf).toISOString();
  const definitions = new Map(policy.rubric.criteria.map((c) => [c.id, c]));
  const results = axes.flatMap((axis) => report.axes[axis].criteria);
  const clauses = clauseIndex(report, policy.rubric);

  const system = {
    type: "machine-learning-model",
    "bom-ref": systemRef(basis.systemId),
    name: report.name,
    ...(dossier.modelVersions[0] !== undefined && { version: dossier.modelVersions[0].version }),
    description: `${report.kind} system of team ${report.team}, risk tier ${report.riskTier}`,
    properties: systemProperties(basis),
    modelCard: {
      "bom-ref": `model-card:${basis.systemId}`,
      quantitativeAnalysis: {
        performanceMetrics: dossier.evalRuns.flatMap((run) =>
          Object.entries(run.scores)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([metric, value]) => ({
              type: `${run.suite}: ${metric}`,
              value: String(value),
              slice: [
                run.modelVersion ?? run.release ?? "unversioned",
                `gate ${run.gate}`,
                run.at,
                `event ${run.eventId}`,
              ].join(" · "),
            })),
        ),
      },
    },
  };

  const seen = new Set<string>();
  const modelVersions = dossier.modelVersions
    .filter((v) => !seen.has(`${v.model}@${v.version}`) && seen.add(`${v.model}@${v.version}`))
    .map((v) => ({
      type: "machine-learning-model",
      "bom-ref": `model-version:${v.model}@${v.version}`,
      name: v.model,
      version: v.version,
      properties: [
        { name: "maturity:registeredAt", value: v.registeredAt },
        { name: "maturity:eventId", value: v.eventId },
        ...(v.runId === null ? [] : [{ name: "maturity:runId", value: v.runId }]),
        ...(v.aliases.length === 0 ? [] : [{ name: "maturity:aliases", value: v.aliases.join(", ") }]),
      ],
    }));

  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${serialUuid(basis)}`,
    version: 1,
    metadata: {
      timestamp: asOf,
      tools: { components: [{ type: "application", name: "maturity", description: basis.generator }] },
      component: system,
      properties: [
        { name: "maturity:asOf", value: asOf },
        { name: "maturity:rubricVersion", value: policy.rubricVersion },
        { name: "maturity:policyContentHash", value: policy.contentHash },
        { name: "maturity:inputDigest", value: basis.inputDigest },
      ],
    },
    ...(modelVersions.length > 0 && { components: modelVersions }),
    declarations: {
      assessors: [
        {
          "bom-ref": assessorRef,
          thirdParty: false,
          organization: { name: "Maturity platform: an automated assessment of recorded events" },
        },
      ],
      attestations: [
        {
          summary:
            `Each regulation clause the rubric ${policy.rubricVersion} cites, mapped to the criteria behind it ` +
            `as scored for ${basis.systemId} as of ${asOf}. Conformance is the share of those criteria that are ` +
            "met or waived; it speaks only for what events can show (see report.html for what they cannot).",
          assessor: assessorRef,
          map: clauses.map((entry) => attestationMap(entry)),
        },
      ],
      claims: results.map((result) => claim(basis, result, definitions.get(result.id))),
      evidence: results.map((result) => evidence(result, asOf)),
    },
    definitions: { standards: standards(clauses) },
  };
}

function systemProperties(basis: PackBasis): Property[] {
  const { report, dossier } = basis;
  const properties: Property[] = [
    { name: "maturity:systemId", value: basis.systemId },
    { name: "maturity:team", value: report.team },
    { name: "maturity:kind", value: report.kind },
    { name: "maturity:riskTier", value: report.riskTier },
    { name: "maturity:registered", value: String(report.registered) },
    { name: "maturity:retired", value: String(report.retired) },
  ];
  if (dossier.owner !== null) {
    properties.push({ name: "maturity:owner", value: dossier.owner.owner });
    if (dossier.owner.onCallRotation !== null)
      properties.push({ name: "maturity:onCallRotation", value: dossier.owner.onCallRotation });
  }
  for (const ref of basis.nativeIds) properties.push({ name: "maturity:nativeId", value: ref });
  for (const axis of axes)
    properties.push({
      name: `maturity:axis:${axis}`,
      value: `level ${report.axes[axis].level}, score ${report.axes[axis].score.toFixed(2)}`,
    });
  return properties;
}

function claim(basis: PackBasis, result: CriterionResult, definition: CriterionDefinition | undefined) {
  const threshold = definition?.threshold ?? 1;
  return {
    "bom-ref": claimRef(result.id),
    target: systemRef(basis.systemId),
    predicate: `${definition?.title ?? result.id} (${result.id})`,
    reasoning:
      `Status ${result.status}: degree ${result.degree} against a threshold of ${threshold}, from ` +
      `${result.evidenceCount} event(s) as of ${new Date(basis.asOf).toISOString()}. ` +
      (definition?.explanation ?? ""),
    evidence: [evidenceRef(result.id)],
  };
}

function evidence(result: CriterionResult, asOf: string) {
  const shown = result.evidence.length;
  return {
    "bom-ref": evidenceRef(result.id),
    propertyName: "maturity:evidenceEventIds",
    description:
      result.evidenceCount === 0
        ? `No event bore on ${result.id} in its window.`
        : `The ids of the ${shown === result.evidenceCount ? "" : `newest ${shown} of the `}${result.evidenceCount} ` +
          `event(s) behind ${result.id}, newest first; each is a line of events.ndjson.`,
    data: [
      {
        name: "event ids",
        contents: {
          attachment: { contentType: "application/json", content: JSON.stringify(result.evidence) },
        },
      },
    ],
    created: asOf,
  };
}

function attestationMap(entry: ClauseEntry) {
  const applying = entry.criteria.filter((c) => c.status !== "not_applicable");
  const holding = applying.filter((c) => c.status === "met" || c.status === "waived");
  const waived = holding.filter((c) => c.status === "waived").length;
  const failing = applying.filter((c) => c.status === "unmet" || c.status === "no_data");
  return {
    requirement: requirementRef(entry),
    claims: holding.map((c) => claimRef(c.criterionId)),
    counterClaims: failing.map((c) => claimRef(c.criterionId)),
    conformance:
      applying.length === 0
        ? { rationale: "No criterion the rubric ties to this clause applies to this system." }
        : {
            score: Math.round((holding.length / applying.length) * 10_000) / 10_000,
            rationale:
              `${holding.length} of ${applying.length} criteria the rubric ties to this clause are met` +
              `${waived > 0 ? ` (${waived} of them by a waiver)` : ""}.`,
          },
  };
}

function standards(clauses: readonly ClauseEntry[]) {
  return frameworks
    .map((facts) => ({
      "bom-ref": `standard:${facts.slug}`,
      name: facts.framework,
      version: facts.edition,
      owner: facts.owner,
      requirements: clauses
        .filter((entry) => entry.framework === facts.framework)
        .map((entry) => ({
          "bom-ref": requirementRef(entry),
          identifier: entry.clause,
          text: `${facts.framework} ${clauseLabel(entry.framework, entry.clause)}`,
          descriptions: [`Cited by: ${entry.criteria.map((c) => c.criterionId).join(", ")}`],
        })),
    }))
    .filter((standard) => standard.requirements.length > 0);
}

/** A name-based UUID (version 5, RFC 9562) of the inputs: same inputs, same serial number. */
function serialUuid(basis: PackBasis): string {
  const name = [
    basis.systemId,
    new Date(basis.asOf).toISOString(),
    basis.policy.contentHash,
    basis.inputDigest,
  ].join("\n");
  const bytes = createHash("sha1").update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** This pack format's own UUID namespace (fixed once; any other would do). */
const namespace = Buffer.from("5b0c3e1e8f6a4d2b9c7e21a4f0d3b6c8", "hex");
