// The demo organisation's catalogue as a Backstage catalogue holds it: a Group and a System per
// team, and a Component per ML system with the annotations the import reads. The embedded first
// run imports these entities, as a platform team would import its own catalog-info.yaml files.
import { createHash } from "node:crypto";
import { annotations } from "@maturity/backstage";
import { stringify } from "yaml";
import { trajectories } from "./trajectories.ts";
import type { OrganisationPlan, PlannedSystem } from "./organisation.ts";

/** A Backstage entity as it is written in a catalog-info.yaml file. */
export interface DemoEntity {
  apiVersion: "backstage.io/v1alpha1";
  kind: "Group" | "System" | "Component";
  metadata: {
    name: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/** The spec.type each kind of demo system is catalogued under (the import's default type list). */
const componentType = { classical: "ml-service", llm: "llm-app", agent: "agent" } as const;

/** The PagerDuty service the system's incidents are raised on: a stable id in PagerDuty's form. */
export function demoPagerDutyServiceId(systemId: string): string {
  return `P${createHash("sha256").update(systemId).digest("hex").slice(0, 6).toUpperCase()}`;
}

/** The owning group of a team's systems. */
export function demoOwnerGroup(team: string): string {
  return `${team}-ml`;
}

/**
 * A system whose governance starts below level 2 has nobody named yet: its entity says so with the
 * owner placeholder the import reads as "no owner", and a named owner arrives when the team adopts
 * that practice (as the demo's history tells it).
 */
function ownerOf(system: PlannedSystem): string {
  const start = system.profile.phases[0]?.levels.governance ?? 1;
  return start >= 2 ? `group:default/${demoOwnerGroup(system.team)}` : "group:default/unassigned";
}

function componentOf(system: PlannedSystem): DemoEntity {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: {
      name: system.systemId,
      title: system.name,
      description: system.profile.story,
      annotations: {
        [annotations.riskTier.name]: system.riskTier,
        [annotations.projectSlug.name]: `demo-org/${system.systemId}`,
        [annotations.pagerDutyService.name]: demoPagerDutyServiceId(system.systemId),
        ...(system.kind === "classical" && { [annotations.registeredModels.name]: system.model }),
        ...(system.gpuQueue !== undefined && { [annotations.gpuQueues.name]: system.gpuQueue }),
      },
    },
    spec: {
      type: componentType[system.kind],
      lifecycle: "production",
      owner: ownerOf(system),
      system: system.team,
    },
  };
}

/** Every entity of the demo catalogue: per team a Group and a System, then the ML systems. */
export function demoCatalogueEntities(plan: OrganisationPlan): DemoEntity[] {
  const teams = plan.teams.flatMap((team): DemoEntity[] => [
    {
      apiVersion: "backstage.io/v1alpha1",
      kind: "Group",
      metadata: { name: demoOwnerGroup(team), description: `The ${team} team's ML engineers` },
      spec: { type: "team", children: [] },
    },
    {
      apiVersion: "backstage.io/v1alpha1",
      kind: "System",
      metadata: {
        name: team,
        description: `What the ${team} team runs; over the history: ${trajectories[plan.trajectories.get(team) ?? "stalled"].story}`,
      },
      spec: { owner: `group:default/${demoOwnerGroup(team)}` },
    },
  ]);
  return [...teams, ...plan.systems.map(componentOf)];
}

/** The demo catalogue as one multi-document catalog-info.yaml. */
export function demoCatalogueYaml(plan: OrganisationPlan): string {
  const header =
    "# The demo organisation's Backstage catalogue, written by @maturity/demo (demoCatalogueYaml).\n" +
    "# `maturity import backstage` reads files like this one; the embedded first run imports it.\n";
  return (
    header +
    demoCatalogueEntities(plan)
      .map((entity) => `---\n${stringify(entity)}`)
      .join("")
  );
}
