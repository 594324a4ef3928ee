// "No such thing" answers that say what exists and which tool lists it.
import type { Database } from "@maturity/db";
import { similarSystemIds, teamNames } from "./reads/systems.ts";
import { listing, ToolError } from "./tool-kit.ts";

export async function unknownSystem(db: Database, systemId: string): Promise<ToolError> {
  const similar = await similarSystemIds(db, systemId);
  const guess = similar.length === 0 ? "" : ` Did you mean ${listing(similar.map((id) => `"${id}"`))}?`;
  return new ToolError(
    `no system "${systemId}" has a score in the store.${guess} find_systems lists the systems ` +
      '(its "query" matches part of an id or name); pass a systemId it returns.',
  );
}

export async function unknownTeam(db: Database, team: string): Promise<ToolError> {
  const teams = await teamNames(db);
  return new ToolError(
    teams.length === 0
      ? `no team "${team}": the store has no scored systems yet (send evidence first, then ask again).`
      : `no team "${team}". The teams are: ${listing(teams.map((name) => `"${name}"`))}. Leave "team" out for the whole organisation.`,
  );
}
