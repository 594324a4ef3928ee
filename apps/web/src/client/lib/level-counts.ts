import type { Overview, OverviewSystem } from "./api-types.ts";
import { axisList, systemKinds } from "./vocabulary.ts";

/** Systems per level per axis per track, for a filtered set (the server counts the whole org). */
export function countLevels(systems: readonly OverviewSystem[]): Overview["levelCounts"] {
  const counts = Object.fromEntries(
    systemKinds.map((kind) => [kind, Object.fromEntries(axisList.map((axis) => [axis, [0, 0, 0, 0, 0]]))]),
  ) as Overview["levelCounts"];
  for (const system of systems)
    for (const axis of axisList) counts[system.kind][axis][system.axes[axis].level - 1]! += 1;
  return counts;
}
