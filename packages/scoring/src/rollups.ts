// Track rollups: medians of system axis scores per track. Retired systems count in none (callers
// leave them out too; a system flagged retired here is skipped all the same).
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
  /** A retired system (see packages/model's catalogue identity) is in no track's median. */
  retired?: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// One pass over the systems of the track's kinds, each score written into its axis's reused
// buffer (in system order, as before), instead of a pass and a kind test per axis.
function trackScores(
  systems: readonly ScoredSystem[],
  kinds: readonly SystemKind[],
  buffers: Record<Axis, Float64Array>,
): TrackScores {
  let n = 0;
  for (const s of systems) {
    if (s.retired === true || !kinds.includes(s.kind)) continue;
    for (const axis of axes) buffers[axis][n] = s.scores[axis];
    n++;
  }
  const out = {} as TrackScores;
  for (const axis of axes) {
    const m = medianInPlace(buffers[axis].subarray(0, n));
    out[axis] = m === null ? null : round2(m);
  }
  return out;
}

export function rollupTracks(systems: readonly ScoredSystem[]): { tracks: Tracks; trackGap: TrackGap } {
  const buffers = {} as Record<Axis, Float64Array>;
  for (const axis of axes) buffers[axis] = new Float64Array(systems.length);
  const tracks: Tracks = {
    classical: trackScores(systems, ["classical"], buffers),
    llm: trackScores(systems, ["llm"], buffers),
    agent: trackScores(systems, ["agent"], buffers),
  };
  // LLM and agent systems together form the "LLM operations" side of the gap.
  const llmSide = trackScores(systems, ["llm", "agent"], buffers);
  const trackGap = {} as TrackGap;
  for (const axis of axes) {
    const classical = tracks.classical[axis];
    const llm = llmSide[axis];
    trackGap[axis] = classical === null || llm === null ? null : round2(classical - llm);
  }
  return { tracks, trackGap };
}
