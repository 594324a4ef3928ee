import type { useOrgFilters } from "../hooks/useOrgFilters.ts";
import {
  riskKindLabels,
  riskKinds,
  riskTierLabels,
  riskTiers,
  systemKindLabels,
  systemKinds,
} from "../lib/vocabulary.ts";
import { SelectFilter } from "./SelectFilter.tsx";

const filterFields = (teams: readonly string[]) =>
  [
    {
      key: "team",
      label: "Team",
      anyLabel: "All teams",
      options: teams.map((team) => ({ value: team, label: team })),
    },
    {
      key: "kind",
      label: "Risk kind",
      anyLabel: "All risk kinds",
      options: riskKinds.map((kind) => ({ value: kind, label: riskKindLabels[kind] })),
    },
    {
      key: "systemKind",
      label: "System kind",
      anyLabel: "All kinds",
      options: systemKinds.map((kind) => ({ value: kind, label: systemKindLabels[kind] })),
    },
    {
      key: "riskTier",
      label: "Risk tier",
      anyLabel: "All tiers",
      options: riskTiers.map((tier) => ({ value: tier, label: riskTierLabels[tier] })),
    },
  ] as const;

interface Props {
  filters: ReturnType<typeof useOrgFilters>;
  teams: readonly string[];
}

/** Team, risk kind, system kind and risk tier; they live in the URL so a filtered view can be shared. */
export function OrgFilters({ filters, teams }: Props) {
  const { values, set } = filters;
  const active = Object.values(values).some((value) => value !== undefined);
  return (
    <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {filterFields(teams).map((field) => (
        <SelectFilter
          key={field.key}
          label={field.label}
          value={values[field.key]}
          options={field.options}
          onChange={set[field.key]}
          anyLabel={field.anyLabel}
        />
      ))}
      {active ? (
        <button type="button" className="secondary" onClick={filters.clear}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
