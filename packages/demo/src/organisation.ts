// The plan of the demo organisation: its teams and systems, each system with a kind, a risk tier
// and a practice profile. Small (one record per system); the event history is generated from it.
import type { RiskTier, SystemKind } from "@maturity/model";
import type { DemoOptions } from "./options.ts";
import { Prng } from "./prng.ts";
import { mismatchProfiles, profile, profileQuota, trackOf, type Profile } from "./profiles.ts";
import { assignTrajectories, followTrajectory, type TrajectoryName } from "./trajectories.ts";

export interface PlannedSystem {
  systemId: string;
  name: string;
  team: string;
  kind: SystemKind;
  riskTier: RiskTier;
  profile: Profile;
  /** The registry model (classical) or the LLM it calls (llm, agent). */
  model: string;
  provider: string | undefined;
  /** Product features its LLM spend belongs to. */
  features: string[];
  /** The GPU queue its training runs through (classical only). */
  gpuQueue: string | undefined;
}

export interface OrganisationPlan {
  teams: string[];
  systems: PlannedSystem[];
  /** The teams that hold the mismatch profiles. */
  mismatchedTeams: string[];
  /** How each team moved over the history (its systems' profiles follow it). */
  trajectories: Map<string, TrajectoryName>;
}

const teamNames = [
  "risk",
  "payments",
  "search",
  "growth",
  "support",
  "logistics",
  "marketing",
  "trust-safety",
  "personalisation",
  "finance",
  "supply-chain",
  "claims",
  "underwriting",
  "ads",
  "content",
  "identity",
  "sales",
  "forecasting",
  "people",
  "security",
];

const classicalNames = [
  "fraud-scoring",
  "credit-limits",
  "churn-prediction",
  "demand-forecast",
  "eta-prediction",
  "anomaly-detection",
  "propensity",
  "dynamic-pricing",
  "recommender",
  "lifetime-value",
  "lead-scoring",
  "search-ranker",
  "inventory-forecast",
  "claims-triage",
  "ad-ctr",
];
const llmNames = [
  "support-assistant",
  "search-answers",
  "doc-summariser",
  "email-drafter",
  "contract-review",
  "kb-qa",
  "translation",
  "product-copy",
  "meeting-notes",
  "sql-copilot",
];
const agentNames = [
  "triage-agent",
  "refund-agent",
  "research-agent",
  "runbook-agent",
  "outreach-agent",
  "booking-agent",
];

const llmModels: readonly [string, string][] = [
  ["gpt-4.1-mini", "openai"],
  ["gpt-4.1", "openai"],
  ["claude-sonnet-4", "anthropic"],
  ["claude-haiku-4", "anthropic"],
  ["llama-3.1-70b", "self-hosted"],
  ["mistral-large", "mistral"],
];

const kindShares: [SystemKind, number][] = [
  ["classical", 0.55],
  ["llm", 0.3],
  ["agent", 0.15],
];

const tierShares: Record<SystemKind, [RiskTier, number][]> = {
  classical: [
    ["high", 0.25],
    ["limited", 0.45],
    ["minimal", 0.3],
  ],
  llm: [
    ["high", 0.3],
    ["limited", 0.5],
    ["minimal", 0.2],
  ],
  agent: [
    ["high", 0.4],
    ["limited", 0.45],
    ["minimal", 0.15],
  ],
};

function weighted<T>(rng: Prng, shares: readonly [T, number][]): T {
  let u = rng.next();
  for (const [value, share] of shares) {
    if (u < share) return value;
    u -= share;
  }
  return (shares[shares.length - 1] as [T, number])[0];
}

function teamName(index: number): string {
  const base = teamNames[index % teamNames.length] as string;
  const round = Math.floor(index / teamNames.length);
  return round === 0 ? base : `${base}-${round + 1}`;
}

export function planOrganisation(options: Pick<DemoOptions, "seed" | "teams" | "systems">): OrganisationPlan {
  const rng = new Prng(options.seed, "organisation");
  const teams = Array.from({ length: options.teams }, (_, i) => teamName(i));

  // Kinds by quota, so small organisations still get all three.
  const kinds: SystemKind[] = [];
  for (const [kind, share] of kindShares)
    for (let i = 0; i < Math.round(share * options.systems); i++) kinds.push(kind);
  while (kinds.length < options.systems) kinds.push("classical");
  kinds.length = options.systems;
  if (options.systems >= 3 && !kinds.includes("agent")) kinds[kinds.length - 1] = "agent";
  rng.shuffle(kinds);

  const classicalProfiles = rng.shuffle(
    profileQuota("classical", kinds.filter((k) => k === "classical").length),
  );
  const llmProfiles = rng.shuffle(profileQuota("llm", kinds.filter((k) => k !== "classical").length));

  // A quarter of the teams (at least one) carry the mismatched systems: the story has a few
  // teams whose axes disagree, not mismatches smeared thinly over everyone.
  const mismatchedTeams = rng.shuffle([...teams]).slice(0, Math.max(1, Math.round(teams.length / 4)));
  const otherTeams = teams.filter((t) => !mismatchedTeams.includes(t));
  // Their own random stream, so the teams and systems are the same with or without them.
  const trajectoryRng = new Prng(options.seed, "trajectories");
  const trajectories = assignTrajectories(teams, trajectoryRng);

  const usedIds = new Set<string>();
  const systems: PlannedSystem[] = [];
  let roundRobin = 0;
  for (const [index, kind] of kinds.entries()) {
    const profileName = (trackOf(kind) === "classical" ? classicalProfiles : llmProfiles).pop();
    if (profileName === undefined) throw new Error("profile quota exhausted (a bug in profileQuota)");
    // Every team gets systems first (round robin over the first `teams` systems), then at random.
    const isMismatch = mismatchProfiles.includes(profileName);
    const team =
      index < teams.length
        ? (teams[roundRobin++] as string)
        : isMismatch || otherTeams.length === 0
          ? rng.pick(mismatchedTeams)
          : rng.pick(rng.chance(0.8) ? otherTeams : teams);
    const base = rng.pick(kind === "classical" ? classicalNames : kind === "llm" ? llmNames : agentNames);
    let systemId = `${team}-${base}`;
    for (let n = 2; usedIds.has(systemId); n++) systemId = `${team}-${base}-${n}`;
    usedIds.add(systemId);
    const riskTier = profileName === "governed" ? "high" : weighted(rng, tierShares[kind]);
    const [llmModel, provider] = rng.pick(llmModels);
    const featureCount = kind === "classical" ? 0 : rng.int(1, 3);
    const planned = followTrajectory(
      profile(profileName),
      trajectories.get(team) ?? "stalled",
      trackOf(kind),
      trajectoryRng,
    );
    const maxDeployment = Math.max(...planned.phases.map((p) => p.levels.deployment));
    systems.push({
      systemId,
      name: systemId
        .split("-")
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(" "),
      team,
      kind,
      riskTier,
      profile: planned,
      model: kind === "classical" ? `${base}-model` : llmModel,
      provider: kind === "classical" ? undefined : provider,
      features: Array.from({ length: featureCount }, (_, i) => `${base}-${["chat", "summary", "search"][i]}`),
      // Real queueing (priority with pre-emption) only where deployment reaches level 4.
      gpuQueue: kind === "classical" ? `${team}-${maxDeployment >= 4 ? "priority" : "fifo"}` : undefined,
    });
  }
  return { teams, systems, mismatchedTeams, trajectories };
}
