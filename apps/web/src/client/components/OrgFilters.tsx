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
      <SelectFilter
        label="Team"
        value={values.team}
        options={teams.map((team) => ({ value: team, label: team }))}
        onChange={set.team}
        anyLabel="All teams"
      />
      <SelectFilter
        label="Risk kind"
        value={values.kind}
        options={riskKinds.map((kind) => ({ value: kind, label: riskKindLabels[kind] }))}
        onChange={set.kind}
        anyLabel="All risk kinds"
      />
      <SelectFilter
        label="System kind"
        value={values.systemKind}
        options={systemKinds.map((kind) => ({ value: kind, label: systemKindLabels[kind] }))}
        onChange={set.systemKind}
        anyLabel="All kinds"
      />
      <SelectFilter
        label="Risk tier"
        value={values.riskTier}
        options={riskTiers.map((tier) => ({ value: tier, label: riskTierLabels[tier] }))}
        onChange={set.riskTier}
        anyLabel="All tiers"
      />
      {active ? (
        <button type="button" className="secondary" onClick={filters.clear}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
