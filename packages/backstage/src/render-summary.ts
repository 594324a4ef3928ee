// An import's summary as the CLI prints it: the counts, then each list, then the assumptions.
import { annotations } from "./annotations.ts";
import type { ImportSummary, PlannedChange } from "./plan-import.ts";
import { formatEntityProblem, formatPlace } from "./problems.ts";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function changeLine(change: PlannedChange): string {
  const place = formatPlace(change);
  return `  ${change.systemId} (${change.entityRef})${place === undefined ? "" : ` ${place}`}`;
}

export function renderImportSummary(summary: ImportSummary): string {
  const counts = [
    `${summary.registered.length} registered`,
    `${summary.updated.length} updated`,
    `${summary.retired.length} retired`,
    `${summary.unchanged} unchanged`,
    `${summary.skipped.length} skipped`,
    plural(summary.notMlSystems, "entity is not an ML system", "entities are not ML systems"),
  ];
  const lines = [counts.join(", ")];
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) lines.push(`${title}:`, ...items);
  };
  section("Registered", summary.registered.map(changeLine));
  section("Updated", summary.updated.map(changeLine));
  section("Retired", summary.retired.map(changeLine));
  section(
    "Skipped",
    summary.skipped.map((problem) => `  ${formatEntityProblem(problem)}`),
  );
  if (summary.notRetired.length > 0)
    section(
      `Not retired while entities could not be read (fix the skipped ones and import again)`,
      summary.notRetired.map(changeLine),
    );
  const assumed = summary.riskTierAssumed.length;
  if (assumed > 0)
    lines.push(
      `${plural(assumed, "system has", "systems have")} no ${annotations.riskTier.name} annotation: minimal assumed (${summary.riskTierAssumed.join(", ")})`,
    );
  return lines.join("\n");
}
