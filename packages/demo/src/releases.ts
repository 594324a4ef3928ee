// One release of a system, from experiment to production, as the events each practice level
// leaves behind: tracked runs and registry entries (reproducibility), evaluation runs and gates
// (evaluation), the deploy itself with its strategy and ramp (deployment), change records
// (governance). The levels decide which of these exist and what they say.
import { draft, type Draft } from "./events.ts";
import type { PlannedSystem } from "./organisation.ts";
import type { Prng } from "./prng.ts";
import type { AxisLevels } from "./profiles.ts";
import { hourMs } from "./timeline.ts";

export interface ReleaseResult {
  deploymentId: string;
  version: string;
  drafts: Draft[];
}

const iso = (t: number) => new Date(t).toISOString();

/** Hours from "we want this change" to production, by deployment level. */
function leadTimeHours(deployment: number, rng: Prng): number {
  if (deployment <= 1) return rng.between(24 * 7, 24 * 21);
  if (deployment === 2) return rng.between(72, 240);
  if (deployment === 3) return rng.between(24, 72);
  return rng.between(2, 12);
}

function strategyFor(deployment: number, n: number) {
  if (deployment <= 1) return "manual" as const;
  if (deployment === 2) return "scripted" as const;
  if (deployment === 3 && n % 6 === 0) return "shadow" as const;
  return "canary" as const;
}

export function releaseDrafts(
  system: PlannedSystem,
  levels: AxisLevels,
  n: number,
  t: number,
  rng: Prng,
): ReleaseResult {
  const { systemId, kind } = system;
  const classical = kind === "classical";
  const deploymentId = `${systemId}-deploy-${n}`;
  const version = classical ? `${system.model}-${n}` : `${systemId}-r${n}`;
  const sha = (n * 2654435761 + systemId.length).toString(16).slice(-7).padStart(7, "0");
  const out: Draft[] = [];
  const { reproducibility: repro, evaluation: evalLevel, deployment, governance } = levels;

  if (repro >= 2) {
    out.push(
      draft(t - 20 * hourMs, "exp.run.logged", {
        runId: `${version}-run`,
        tracker: classical ? "mlflow" : "langfuse",
        codeVersion: sha,
        ...(classical && { dataVersion: `snapshot-${n}` }),
      }),
    );
    if (classical) {
      out.push(
        draft(t - 18 * hourMs, "registry.model_version.registered", {
          model: system.model,
          version,
          runId: `${version}-run`,
          codeVersion: sha,
          dataVersion: `snapshot-${n}`,
        }),
      );
    } else {
      out.push(
        draft(t - 19 * hourMs, "prompt.version.committed", {
          promptId: `${systemId}-system`,
          version: String(n),
          ...(repro >= 3 && { commitSha: sha }),
        }),
      );
    }
  }
  if (classical && repro === 2) {
    out.push(
      draft(t - 22 * hourMs, "ci.pipeline.completed", {
        pipeline: "training",
        status: "succeeded",
        trigger: "manual",
      }),
    );
  }
  if (repro >= 3) {
    out.push(
      draft(t - 6 * hourMs, "ci.pipeline.completed", {
        pipeline: "build",
        status: "succeeded",
        trigger: "push",
        commitSha: sha,
        durationSeconds: rng.int(200, 900),
      }),
    );
  }

  // Evaluation: recorded (2), gated in CI (3; a fifth of releases still ship on a failed gate),
  // failed gates block (4; a failed candidate simply never ships).
  const ref = classical ? { modelVersion: version } : { release: version };
  const judge =
    kind === "classical"
      ? {}
      : {
          judge: {
            kind: "llm" as const,
            ...(evalLevel >= 3 && { humanAgreement: Math.round(rng.between(0.8, 0.93) * 100) / 100 }),
          },
        };
  const suite = `${systemId}-regression`;
  if (evalLevel >= 4 && n % 9 === 0) {
    out.push(
      draft(t - 5 * hourMs, "eval.run.completed", {
        suite,
        ...(classical ? { modelVersion: `${version}-rc1` } : { release: `${version}-rc1` }),
        gate: "failed",
        scores: { quality: Math.round(rng.between(0.6, 0.7) * 1000) / 1000 },
        ...judge,
      }),
    );
  }
  if (evalLevel >= 3) {
    out.push(
      draft(t - 4 * hourMs, "ci.pipeline.completed", {
        pipeline: "evaluation",
        status: "succeeded",
        trigger: "push",
        commitSha: sha,
      }),
    );
  }
  if (evalLevel >= 2) {
    const gate = evalLevel >= 4 ? "passed" : evalLevel === 3 ? (n % 5 === 0 ? "failed" : "passed") : "none";
    const scores: Record<string, number> = { quality: Math.round(rng.between(0.78, 0.95) * 1000) / 1000 };
    if (kind === "agent" && evalLevel >= 4)
      scores.trajectory_quality = Math.round(rng.between(0.8, 0.95) * 1000) / 1000;
    out.push(draft(t - 3 * hourMs, "eval.run.completed", { suite, ...ref, gate, scores, ...judge }));
  }

  if (governance >= 4 || (governance === 3 && n % 2 === 0)) {
    out.push(
      draft(t - hourMs, "gov.change.reviewed", {
        changeRef: deploymentId,
        reviewer: `${system.team}-lead`,
        approved: true,
      }),
    );
  }
  if (governance >= 5 || deployment >= 5) {
    out.push(
      draft(t - 1.5 * hourMs, "gov.risk_assessment.completed", {
        changeRef: deploymentId,
        trigger: "material_change",
        outcome: "accepted",
      }),
    );
  }

  const strategy = strategyFor(deployment, n);
  out.push(
    draft(t, "deploy.completed", {
      deploymentId,
      version,
      environment: "production",
      strategy,
      gatedByEval: deployment >= 4,
      automated: deployment >= 3,
      changeRequestedAt: iso(t - leadTimeHours(deployment, rng) * hourMs),
      status: "succeeded",
    }),
  );
  if (deployment >= 4) {
    out.push(
      draft(t + 0.5 * hourMs, "deploy.traffic.shifted", { deploymentId, percent: 25, byPolicy: true }),
    );
    out.push(draft(t + 2 * hourMs, "deploy.traffic.shifted", { deploymentId, percent: 100, byPolicy: true }));
  } else if (strategy === "canary") {
    out.push(draft(t + hourMs, "deploy.traffic.shifted", { deploymentId, percent: 50, byPolicy: false }));
  }
  if (governance >= 5) {
    out.push(draft(t + 0.2 * hourMs, "gov.docs.generated", { artefact: "model_card", fromPipeline: true }));
  }

  // Change failures: rare and rolled back by the platform at level 4, common and by hand below.
  if (deployment >= 4 && n % 14 === 7) {
    out.push(
      draft(t + 1.5 * hourMs, "deploy.rolled_back", {
        deploymentId,
        automatic: true,
        reason: "error rate above the canary threshold",
      }),
    );
  } else if (deployment === 3 && n % 7 === 3) {
    out.push(
      draft(t + 3 * hourMs, "deploy.rolled_back", {
        deploymentId,
        automatic: false,
        reason: "quality drop reported by users",
      }),
    );
  } else if (deployment === 2 && n % 10 === 4) {
    out.push(
      draft(t + 5 * hourMs, "deploy.rolled_back", {
        deploymentId,
        automatic: false,
        reason: "manual revert",
      }),
    );
  }
  return { deploymentId, version, drafts: out };
}
