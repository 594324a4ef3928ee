import type { RiskKind, RiskTier, SystemKind } from "@maturity/model";
import { oneOf, riskKinds, riskTiers, systemKinds } from "../lib/vocabulary.ts";
import { useUrlParam } from "./useUrlParam.ts";

/** The org page's filters, read from and written to the URL; unknown values are ignored. */
export function useOrgFilters() {
  const [team, setTeam] = useUrlParam("team");
  const [kindRaw, setKind] = useUrlParam("risk");
  const [systemKindRaw, setSystemKind] = useUrlParam("kind");
  const [riskTierRaw, setRiskTier] = useUrlParam("tier");
  const kind: RiskKind | undefined = oneOf(riskKinds, kindRaw);
  const systemKind: SystemKind | undefined = oneOf(systemKinds, systemKindRaw);
  const riskTier: RiskTier | undefined = oneOf(riskTiers, riskTierRaw);
  return {
    values: { team, kind, systemKind, riskTier },
    set: { team: setTeam, kind: setKind, systemKind: setSystemKind, riskTier: setRiskTier },
    clear() {
      setTeam(undefined);
      setKind(undefined);
      setSystemKind(undefined);
      setRiskTier(undefined);
    },
  };
}
