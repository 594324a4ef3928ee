import type { Axis } from "@maturity/model";
import type { OverviewSystem } from "./api-types.ts";
import { axisList } from "./vocabulary.ts";

export interface Move {
  systemId: string;
  name: string;
  team: string;
  axis: Axis;
  trend: number;
  score: number;
}

/** Every system × axis that moved in the trend window, biggest rise first. */
export function movesOf(systems: readonly OverviewSystem[]): Move[] {
  const moves: Move[] = [];
  for (const system of systems)
    for (const axis of axisList) {
      const { trend, score } = system.axes[axis];
      if (trend !== null && trend !== 0)
        moves.push({ systemId: system.systemId, name: system.name, team: system.team, axis, trend, score });
    }
  return moves.sort((a, b) => b.trend - a.trend);
}
