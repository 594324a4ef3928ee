import type { Axis } from "@maturity/model";
import { axisList } from "../lib/vocabulary.ts";
import { HeatCell } from "./HeatCell.tsx";

interface Props {
  systemId: string;
  systemName: string;
  axes: Record<Axis, { score: number; level: number; trend?: number | null }>;
}

/** A system's heat-map cells, one per axis in the portal's axis order. */
export function HeatCells({ systemId, systemName, axes }: Props) {
  return axisList.map((axis) => (
    <HeatCell key={axis} systemId={systemId} systemName={systemName} axis={axis} {...axes[axis]} />
  ));
}
