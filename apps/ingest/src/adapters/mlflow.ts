import { z } from "zod";
import { compact, ignored, type AdapterResult } from "./draft.ts";
import { parsePayload } from "./payload.ts";
import { toRfc3339 } from "./time.ts";

export interface MlflowDelivery {
  /** X-MLflow-Delivery-Id: kept on MLflow's retries, so it is the CloudEvent id. */
  deliveryId: string;
  payload: unknown;
  now: Date;
}

// MLflow wraps every payload: {"entity", "action", "timestamp", "data"}.
const envelope = z.object({
  entity: z.string().min(1),
  action: z.string().min(1),
  timestamp: z.string().nullish(),
  data: z.record(z.string(), z.unknown()),
});

const tags = z.record(z.string(), z.string()).nullish();
const versionText = z.union([z.string().min(1), z.number()]).transform(String);

const modelVersionCreated = z.object({
  name: z.string().min(1),
  version: versionText,
  run_id: z.string().nullish(),
  source: z.string().nullish(),
  tags,
});
const aliasCreated = z.object({ name: z.string().min(1), alias: z.string().min(1), version: versionText });
const promptVersionCreated = z.object({ name: z.string().min(1), version: versionText, tags });

/** Tags MLflow or teams set on a version that name the code and data it was built from. */
const codeVersionTags = ["mlflow.source.git.commit", "code_version", "codeVersion", "git_commit"];
const dataVersionTags = ["data_version", "dataVersion", "dataset_version"];

function firstTag(values: Record<string, string> | null | undefined, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = values?.[key];
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

/** Maps one MLflow model- or prompt-registry webhook delivery to catalogue events. */
export function mapMlflowDelivery(delivery: MlflowDelivery): AdapterResult {
  const wrapped = parsePayload(envelope, delivery.payload, "MLflow webhook payload");
  const event = `${wrapped.entity}.${wrapped.action}`;
  const time = toRfc3339(wrapped.timestamp) ?? delivery.now.toISOString();
  switch (event) {
    case "model_version.created": {
      const data = parsePayload(modelVersionCreated, wrapped.data, "MLflow model_version.created payload");
      return {
        drafts: [
          {
            type: "registry.model_version.registered",
            id: delivery.deliveryId,
            source: `mlflow://registry/${data.name}`,
            time,
            ref: { kind: "registryModel", id: data.name },
            data: compact({
              model: data.name,
              version: data.version,
              runId: data.run_id || undefined,
              codeVersion: firstTag(data.tags, codeVersionTags),
              dataVersion: firstTag(data.tags, dataVersionTags),
              artifactSource: data.source ?? undefined,
            }),
          },
        ],
      };
    }
    case "model_version_alias.created": {
      const data = parsePayload(aliasCreated, wrapped.data, "MLflow model_version_alias.created payload");
      return {
        drafts: [
          {
            type: "registry.model_version.promoted",
            id: delivery.deliveryId,
            source: `mlflow://registry/${data.name}`,
            time,
            ref: { kind: "registryModel", id: data.name },
            data: { model: data.name, version: data.version, alias: data.alias },
          },
        ],
      };
    }
    case "prompt_version.created": {
      const data = parsePayload(promptVersionCreated, wrapped.data, "MLflow prompt_version.created payload");
      return {
        drafts: [
          {
            type: "prompt.version.committed",
            id: delivery.deliveryId,
            source: `mlflow://prompts/${data.name}`,
            time,
            // Prompts live in the same registry as models; the catalogue maps them as registry models.
            ref: { kind: "registryModel", id: data.name },
            data: compact({
              promptId: data.name,
              version: data.version,
              commitSha: firstTag(data.tags, codeVersionTags),
            }),
          },
        ],
      };
    }
    default:
      // Tags, deletions and bare model/prompt creation do not show versioned, promoted artefacts.
      return ignored(`MLflow ${event} carries no maturity evidence`);
  }
}
