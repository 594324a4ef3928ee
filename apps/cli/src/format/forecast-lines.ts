// The forecast in the summary: per system, the axes with something to say (a date, a decline, a
// pace behind the usual); per team and for the organisation, where the LLM/agent gap is heading.
import {
  axes,
  type AxisForecast,
  type GapForecast,
  type RollupForecast,
  type SystemForecast,
} from "@maturity/model";

const day = (iso: string) => iso.slice(0, 10);

function axisPhrase(axis: string, f: AxisForecast): string | undefined {
  const usual =
    f.typical === null
      ? ""
      : `, usual ${f.typical.minMonths}–${f.typical.maxMonths}${f.typical.orMore ? "+" : ""} months${f.pace === null ? "" : `: ${f.pace}`}`;
  switch (f.status) {
    case "improving": {
      const range = `${day(f.nextLevel!.earliest)} – ${f.nextLevel!.latest === null ? "open" : day(f.nextLevel!.latest)}`;
      return `${axis} L${f.level + 1} by ${day(f.nextLevel!.date)} (${range}${usual})`;
    }
    case "declining":
      return `${axis} declining`;
    case "not_improving":
      return f.pace === "behind" ? `${axis} stalled at L${f.level}${usual}` : undefined;
    default:
      return undefined;
  }
}

/** `  forecast: evaluation L3 by 2027-03-01 (…) · …`, or nothing when no axis has news. */
export function systemForecastLine(forecast: SystemForecast | undefined): string[] {
  if (forecast === undefined) return [];
  const phrases = axes.flatMap((axis) => axisPhrase(axis, forecast[axis]) ?? []);
  return phrases.length === 0 ? [] : [`  forecast: ${phrases.join(" · ")}`];
}

function gapPhrase(axis: string, gap: GapForecast): string | undefined {
  switch (gap.status) {
    case "closing":
      return `${axis} closes by ${day(gap.closesOn!.date)}`;
    case "widening":
      return `${axis} widening`;
    case "closed":
      return `${axis} closed`;
    default:
      return undefined;
  }
}

/** Where the LLM/agent gap is heading on each axis, or nothing without enough history. */
export function gapForecastPhrase(forecast: RollupForecast | undefined): string | undefined {
  if (forecast === undefined) return undefined;
  const phrases = axes.flatMap((axis) => gapPhrase(axis, forecast.gap[axis]) ?? []);
  return phrases.length === 0 ? undefined : phrases.join(", ");
}
