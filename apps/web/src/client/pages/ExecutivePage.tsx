import { useQuery } from "@tanstack/react-query";
import { CampaignsAtRisk } from "../components/CampaignsAtRisk.tsx";
import { CatchUpTable } from "../components/CatchUpTable.tsx";
import { GapTable } from "../components/GapTable.tsx";
import { GapTrendChart } from "../components/GapTrendChart.tsx";
import { MoversList } from "../components/MoversList.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SelectFilter } from "../components/SelectFilter.tsx";
import { TeamBreakdown } from "../components/TeamBreakdown.tsx";
import { TeamsBehind } from "../components/TeamsBehind.tsx";
import { TrackComparisonChart } from "../components/TrackComparisonChart.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { asRollups } from "../lib/api-types.ts";
import { axisList } from "../lib/vocabulary.ts";
import { trpc } from "../trpc.ts";

const weekChoices = ["12", "26", "52"] as const;

/** Classical vs LLM/agent maturity over time, who moved this month, and the gap per team. */
export function ExecutivePage() {
  useDocumentTitle("Executive view");
  const [team, setTeam] = useUrlParam("team");
  const [weeksParam, setWeeks] = useUrlParam("weeks");
  const weeks = Number(weekChoices.find((choice) => choice === weeksParam) ?? 26);
  const series = useQuery(trpc.org.executiveSeries.queryOptions({ weeks, team }));
  const moves = useQuery(trpc.org.movers.queryOptions({ team }));
  const rollups = useQuery(trpc.teams.rollups.queryOptions());
  // The organisation's forecast (and the teams furthest behind), or the chosen team's.
  const orgForecast = useQuery(trpc.forecast.org.queryOptions());
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const teamForecast = useQuery({
    ...trpc.forecast.team.queryOptions({ team: team ?? "" }),
    enabled: team !== undefined,
  });
  const forecast = team === undefined ? orgForecast.data : teamForecast.data;
  const teams = rollups.data
    ? asRollups(rollups.data)
        .flatMap((row) => (row.team === null ? [] : [row.team]))
        .sort()
    : [];

  return (
    <>
      <div className="page-head">
        <h1>Executive view</h1>
        <p className="muted">
          Is LLM and agent operations maturity catching up with classical ML? Gap = classical median −
          LLM/agent median; above zero, LLM operations lag.
        </p>
      </div>
      <form
        className="filters"
        aria-label="Executive view options"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectFilter
          label="Scope"
          value={team}
          options={teams.map((name) => ({ value: name, label: `Team ${name}` }))}
          onChange={setTeam}
          anyLabel="Whole organisation"
        />
        <SelectFilter
          label="Period"
          value={weeksParam}
          options={weekChoices.map((choice) => ({ value: choice, label: `${choice} weeks` }))}
          onChange={setWeeks}
          anyLabel="26 weeks (default)"
        />
      </form>
      <QueryState query={series} what="the executive series">
        {(data) => (
          <div className="exec-grid">
            <section aria-labelledby="gap-over-time" className="panel wide">
              <h2 id="gap-over-time">The gap over time</h2>
              <GapTrendChart
                points={data.points}
                caption={`Gap per axis, last ${weeks} weeks`}
                forecast={forecast && { asOf: forecast.asOf, gap: forecast.forecast.gap }}
              />
              <GapTable points={data.points} />
            </section>
            <section aria-labelledby="tracks-heading" className="panel wide">
              <h2 id="tracks-heading">Classical vs LLM/agent per axis</h2>
              <div className="chart-row">
                {axisList.map((axis) => (
                  <TrackComparisonChart key={axis} points={data.points} axis={axis} />
                ))}
              </div>
            </section>
          </div>
        )}
      </QueryState>
      <div className="exec-grid">
        <section aria-labelledby="catch-up-heading" className="panel wide">
          <h2 id="catch-up-heading">When does LLM/agent operations catch up</h2>
          {team === undefined ? (
            <QueryState query={orgForecast} what="the organisation's forecast">
              {(result) => (
                <CatchUpTable
                  gap={result.forecast.gap}
                  asOf={result.asOf}
                  minHistoryDays={result.minHistoryDays}
                  scope="The organisation"
                />
              )}
            </QueryState>
          ) : (
            <QueryState query={teamForecast} what={`team ${team}'s forecast`}>
              {(result) => (
                <CatchUpTable
                  gap={result.forecast.gap}
                  asOf={result.asOf}
                  minHistoryDays={result.minHistoryDays}
                  scope={`Team ${team}`}
                />
              )}
            </QueryState>
          )}
        </section>
        <section aria-labelledby="behind-heading" className="panel wide">
          <h2 id="behind-heading">Teams furthest behind their forecast</h2>
          <QueryState query={orgForecast} what="the teams' forecasts">
            {(result) => <TeamsBehind teams={result.teamsBehind} total={result.teamsBehindCount} />}
          </QueryState>
        </section>
        <section aria-labelledby="campaigns-heading" className="panel wide">
          <h2 id="campaigns-heading">Campaigns at risk</h2>
          <QueryState query={campaigns} what="the campaigns">
            {(rows) => <CampaignsAtRisk campaigns={rows} />}
          </QueryState>
        </section>
      </div>
      <div className="exec-grid">
        <QueryState query={moves} what="this month's changes">
          {({ rises, drops }) => (
            <>
              <section aria-labelledby="improved-heading" className="panel">
                <h2 id="improved-heading">Most improved in 30 days</h2>
                <MoversList moves={rises} empty="No score rose in the last 30 days." />
              </section>
              <section aria-labelledby="drops-heading" className="panel">
                <h2 id="drops-heading">Worst drops in 30 days</h2>
                <MoversList moves={drops} empty="No score fell in the last 30 days." />
              </section>
            </>
          )}
        </QueryState>
        <section aria-labelledby="teams-heading" className="panel wide">
          <h2 id="teams-heading">Per team</h2>
          <QueryState query={rollups} what="the team rollups">
            {(rows) => <TeamBreakdown rollups={asRollups(rows)} />}
          </QueryState>
        </section>
      </div>
    </>
  );
}
