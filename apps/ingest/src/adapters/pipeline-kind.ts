type PipelineKind = "training" | "evaluation" | "data_quality" | "build" | "deploy";

/**
 * The pipeline kind a CI workflow stands for, from its name (documented in the README): the
 * words train/training, eval/evaluate/evaluation, data-quality/dq/validate-data, deploy/release/
 * promote; anything else is a build. The first rule that matches wins, in that order, so
 * "train-and-deploy" is a training pipeline.
 */
export function pipelineKindFromName(name: string | undefined): PipelineKind {
  const words = (name ?? "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const has = (...candidates: string[]) => words.some((word) => candidates.includes(word));
  const joined = words.join(" ");
  if (has("train", "training", "retrain", "retraining", "finetune", "finetuning")) return "training";
  if (has("eval", "evals", "evaluate", "evaluation", "evaluations", "benchmark")) return "evaluation";
  if (joined.includes("data quality") || has("dq", "dataquality") || joined.includes("validate data")) {
    return "data_quality";
  }
  if (has("deploy", "deployment", "release", "promote", "rollout")) return "deploy";
  return "build";
}
