// Every page's address in one place, so links and tests agree on them.
export const paths = {
  org: "/",
  team: (team: string) => `/teams/${encodeURIComponent(team)}`,
  system: (systemId: string, search?: Record<string, string | undefined>) =>
    `/systems/${encodeURIComponent(systemId)}${searchString(search)}`,
  systemCompliance: (systemId: string, search?: Record<string, string | undefined>) =>
    `/systems/${encodeURIComponent(systemId)}/compliance${searchString(search)}`,
  /** The audit pack download (an HTTP route, not a page): a zip. */
  auditPack: (systemId: string, asOf?: string) =>
    `/api/systems/${encodeURIComponent(systemId)}/audit-pack${searchString({ asOf })}`,
  compliance: "/compliance",
  executive: "/executive",
  sources: "/sources",
  events: "/events",
  deadLetters: "/dead-letters",
  policy: "/policy",
  alerts: "/admin/alerts",
  campaigns: "/campaigns",
  campaign: (campaignId: string, asOf?: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}${searchString({ asOf })}`,
};

function searchString(search: Record<string, string | undefined> | undefined): string {
  if (search === undefined) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
