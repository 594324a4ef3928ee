// The annotations the import reads, declared once: the mapping reads the names from here, and the
// README's table is checked against this list (annotations.test.ts).
import { ANNOTATION_SOURCE_LOCATION } from "@backstage/catalog-model";

export interface AnnotationDoc {
  /** The annotation key, e.g. `maturity.dev/kind`. */
  name: string;
  /** What the import does with it, in one line. */
  meaning: string;
}

export const annotations = {
  kind: {
    name: "maturity.dev/kind",
    meaning:
      "The system's kind: classical, llm or agent. Makes any Component or Resource an ML system; wins over spec.type",
  },
  riskTier: {
    name: "maturity.dev/risk-tier",
    meaning: "minimal, limited or high; without it minimal is assumed (and the import says so)",
  },
  team: {
    name: "maturity.dev/team",
    meaning:
      "The team; without it spec.system's name, else a namespace other than default, else the owner's name",
  },
  systemId: {
    name: "maturity.dev/system-id",
    meaning: "The system id, as written; without it the entity's short ref",
  },
  registeredModels: {
    name: "mlflow.org/registered-models",
    meaning: "Registry model names, comma-separated: sources.registryModels",
  },
  projectSlug: {
    name: "github.com/project-slug",
    meaning: "`owner/repo`: sources.repos",
  },
  sourceLocation: {
    name: ANNOTATION_SOURCE_LOCATION,
    meaning:
      "A GitHub or GitLab `url:` location: its repository (GitLab: the whole group path) in sources.repos; others ignored",
  },
  gpuQueues: {
    name: "maturity.dev/gpu-queues",
    meaning: "The GPU queues (Kueue ClusterQueues) the system trains on, comma-separated: sources.gpuQueues",
  },
  services: {
    name: "maturity.dev/services",
    meaning:
      "Other service names its events carry (OpenTelemetry's service.name), comma-separated: sources.services",
  },
  pagerDutyService: {
    name: "pagerduty.com/service-id",
    meaning: "The PagerDuty service id: sources.services",
  },
} as const satisfies Record<string, AnnotationDoc>;

/** Every annotation the import reads, in the order the README lists them. */
export const annotationDocs: readonly AnnotationDoc[] = Object.values(annotations);
