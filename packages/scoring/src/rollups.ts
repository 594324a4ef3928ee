// Track rollups: medians of system axis scores per track; retired systems are left out by callers.
import {
  axes,
  type Axis,
  type SystemKind,
  type TrackGap,
  type Tracks,
  type TrackScores,
} from "@maturity/model";
import { medianInPlace } from "./numeric-median.ts";

export interface ScoredSystem {
  kind: SystemKind;
  scores: Record<Axis, number>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// One pass per axis over the systems of the track's kinds into a reused buffer, instead of a
// filtered copy per track and a mapped copy per axis.
function trackScores(
  systems: readonly ScoredSystem[],
  kinds: readonly SystemKind[],
  buffer: Float64Array,
): TrackScores {
  const out = {} as TrackScores;
  for (const axis of axes) {
    let n = 0;
    for (const s of systems) if (kinds.includes(s.kind)) buffer[n++] = s.scores[axis];
    const m = medianInPlace(buffer.subarray(0, n));
    out[axis] = m === null ? null : round2(m);
  }
  return out;
}

export function rollupTracks(systems: readonly ScoredSystem[]): { tracks: Tracks; trackGap: TrackGap } {
  const buffer = new Float64Array(systems.length);
  const tracks: Tracks = {
    classical: trackScores(systems, ["classical"], buffer),
    llm: trackScores(systems, ["llm"], buffer),
    agent: trackScores(systems, ["agent"], buffer),
  };
  // LLM and agent systems together form the "LLM operations" side of the gap.
  const llmSide = trackScores(systems, ["llm", "agent"], buffer);
  const trackGap = {} as TrackGap;
  for (const axis of axes) {
    const classical = tracks.classical[axis];
    const llm = llmSide[axis];
    trackGap[axis] = classical === null || llm === null ? null : round2(classical - llm);
  }
  return { tracks, trackGap };
}
