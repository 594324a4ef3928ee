// Track rollups: medians of system axis scores per track; retired systems are left out by callers.
import {
  axes,
  type Axis,
  type SystemKind,
  type TrackGap,
  type Tracks,
  type TrackScores,
} from "@maturity/model";
import { median } from "./metrics/stats.ts";

export interface ScoredSystem {
  kind: SystemKind;
  scores: Record<Axis, number>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function trackScores(systems: readonly ScoredSystem[]): TrackScores {
  const out = {} as TrackScores;
  for (const axis of axes) {
    const m = median(systems.map((s) => s.scores[axis]));
    out[axis] = m === null ? null : round2(m);
  }
  return out;
}

export function rollupTracks(systems: readonly ScoredSystem[]): { tracks: Tracks; trackGap: TrackGap } {
  const ofKind = (kinds: SystemKind[]) => systems.filter((s) => kinds.includes(s.kind));
  const tracks: Tracks = {
    classical: trackScores(ofKind(["classical"])),
    llm: trackScores(ofKind(["llm"])),
    agent: trackScores(ofKind(["agent"])),
  };
  // LLM and agent systems together form the "LLM operations" side of the gap.
  const llmSide = trackScores(ofKind(["llm", "agent"]));
  const trackGap = {} as TrackGap;
  for (const axis of axes) {
    const classical = tracks.classical[axis];
    const llm = llmSide[axis];
    trackGap[axis] = classical === null || llm === null ? null : round2(classical - llm);
  }
  return { tracks, trackGap };
}
