// The practice profiles a demo system can follow. A profile is a list of phases; each phase sets
// the level of practice the team runs on each axis from a point in the history onwards. The event
// streams are derived from those levels, so the scorer should find roughly the same levels again.
import type { Axis, SystemKind } from "@maturity/model";

export type AxisLevels = Record<Axis, number>;

export interface Phase {
  /** Fraction of the history (0 = its first day) from which these levels apply. */
  from: number;
  levels: AxisLevels;
}

export interface Profile {
  name: ProfileName;
  /** What the profile stands for, for people reading the generated catalogue. */
  story: string;
  phases: Phase[];
}

const lv = (
  reproducibility: number,
  evaluation: number,
  deployment: number,
  observability: number,
  governance: number,
): AxisLevels => ({ reproducibility, evaluation, deployment, observability, governance });

export const profiles = {
  ad_hoc: {
    story: "Notebooks and hand-run scripts; nobody measures quality; no named owner.",
    phases: [{ from: 0, levels: lv(1, 1, 1, 1, 1) }],
  },
  reproducible: {
    story: "Tracked experiments, a registry, weekly scripted deploys, evaluations recorded but not gated.",
    phases: [{ from: 0, levels: lv(2, 2, 2, 2, 2) }],
  },
  continuous_integration: {
    story: "Pipelines in CI, a gated regression suite on every release, canaries, model monitoring.",
    phases: [{ from: 0, levels: lv(3, 3, 3, 3, 3) }],
  },
  continuous_delivery: {
    story: "Gated promotions, policy-driven canaries with automatic rollback, on-call, risk per change.",
    phases: [{ from: 0, levels: lv(4, 4, 4, 4, 4) }],
  },
  governed: {
    story: "Closed loop and governed: rebuilds verified, red-teaming, generated documentation, fast audits.",
    phases: [{ from: 0, levels: lv(5, 5, 5, 5, 5) }],
  },
  deployment_ahead: {
    story:
      "Ships canaries several times a week without measuring quality: deployment far ahead of evaluation.",
    phases: [{ from: 0, levels: lv(2, 1, 3, 2, 2) }],
  },
  governance_lagging: {
    story: "A solid CI platform nobody owns: no owner, no change records.",
    phases: [{ from: 0, levels: lv(3, 3, 3, 3, 1) }],
  },
  adopting_ci: {
    story: "Started reproducible; adopted the evaluation regression suite in CI mid-history, then canaries.",
    phases: [
      { from: 0, levels: lv(2, 2, 2, 2, 2) },
      { from: 0.45, levels: lv(3, 3, 2, 2, 2) },
      { from: 0.7, levels: lv(3, 3, 3, 3, 3) },
    ],
  },
  lapsed_evaluation: {
    story: "Had a gated suite in CI, then dropped it when the team was reorganised; its evidence went stale.",
    phases: [
      { from: 0, levels: lv(3, 3, 3, 3, 3) },
      { from: 0.35, levels: lv(3, 1, 3, 3, 3) },
    ],
  },
} as const satisfies Record<string, Omit<Profile, "name">>;

export type ProfileName = keyof typeof profiles;

export function profile(name: ProfileName): Profile {
  const { story, phases } = profiles[name];
  return { name, story, phases: phases.map((p) => ({ from: p.from, levels: { ...p.levels } })) };
}

/** The profiles that put two axes of one system far apart; they go to a few "mismatched" teams. */
export const mismatchProfiles: readonly ProfileName[] = ["deployment_ahead", "governance_lagging"];

// Shares per track, after the article's picture of 2026: classical ML mostly at level 3, LLM and
// agent operations mostly at levels 1–2, a few systems ahead or lagging on one axis.
export const profileMix: Record<Track, Partial<Record<ProfileName, number>>> = {
  classical: {
    continuous_integration: 0.44,
    continuous_delivery: 0.14,
    governed: 0.04,
    reproducible: 0.12,
    adopting_ci: 0.08,
    deployment_ahead: 0.06,
    governance_lagging: 0.06,
    lapsed_evaluation: 0.03,
    ad_hoc: 0.03,
  },
  llm: {
    ad_hoc: 0.3,
    reproducible: 0.4,
    adopting_ci: 0.08,
    continuous_integration: 0.06,
    deployment_ahead: 0.1,
    lapsed_evaluation: 0.06,
  },
};

/** The two tracks of the maturity picture: classical ML, and LLM and agent systems together. */
export type Track = "classical" | "llm";

export function trackOf(kind: SystemKind): Track {
  return kind === "classical" ? "classical" : "llm";
}

/**
 * Exactly `count` profile names in the mix's proportions (largest remainders), so the picture
 * holds for every seed; mismatch profiles get at least one system once the track has five.
 */
export function profileQuota(track: Track, count: number): ProfileName[] {
  const mix = Object.entries(profileMix[track]) as [ProfileName, number][];
  const exact = mix.map(([name, share]) => ({
    name,
    share,
    n: Math.floor(share * count),
    rest: (share * count) % 1,
  }));
  if (count >= 5) {
    for (const entry of exact)
      if (mismatchProfiles.includes(entry.name) && entry.n === 0 && entry.share > 0) entry.n = 1;
  }
  let assigned = exact.reduce((sum, e) => sum + e.n, 0);
  const byRest = [...exact].sort((a, b) => b.rest - a.rest || b.share - a.share);
  for (let i = 0; assigned < count; i = (i + 1) % byRest.length, assigned++)
    (byRest[i] as (typeof byRest)[number]).n += 1;
  // Over-assignment (from the mismatch minimum on tiny tracks) comes off the largest share.
  while (assigned > count) {
    const largest = [...exact].sort((a, b) => b.n - a.n)[0] as (typeof exact)[number];
    largest.n -= 1;
    assigned -= 1;
  }
  return exact.flatMap((e) => new Array<ProfileName>(e.n).fill(e.name));
}
