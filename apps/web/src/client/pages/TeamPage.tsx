import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { AsOfPicker, endOfDay, isDay } from "../components/AsOfPicker.tsx";
import { CatchUpTable } from "../components/CatchUpTable.tsx";
import { GapTrendChart } from "../components/GapTrendChart.tsx";
import { HeatMap } from "../components/HeatMap.tsx";
import { LevelLegend } from "../components/LevelLegend.tsx";
import { PagedRiskList } from "../components/PagedRiskList.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { TeamSystemForecasts } from "../components/TeamSystemForecasts.tsx";
import { TrackGapChart } from "../components/TrackGapChart.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useOverview } from "../hooks/useOverview.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { asRollups } from "../lib/api-types.ts";
import { formatDate } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { trpc } from "../trpc.ts";

/** One team: its systems' axis profiles, its classical vs LLM/agent gap, its risks and trends. */
export function TeamPage() {
  const { team = "" } = useParams<{ team: string }>();
  useDocumentTitle(`Team ${team}`);
  const [asOfParam, setAsOf] = useUrlParam("asOf");
  const asOfDay = isDay(asOfParam) ? asOfParam : undefined;
  const overview = useOverview({ team, asOf: asOfDay ? endOfDay(asOfDay) : undefined });
  const rollups = useQuery(trpc.teams.rollups.queryOptions());
  const series = useQuery(trpc.org.executiveSeries.queryOptions({ team, weeks: 26 }));
  const forecast = useQuery(trpc.forecast.team.queryOptions({ team }));

  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link href={paths.org}>Organisation</Link> / team
        </p>
        <h1>Team {team}</h1>
        <AsOfPicker
          value={asOfDay}
          onChange={setAsOf}
          hint="The team's systems as the platform had scored them at the end of that day (UTC), from the score history."
        />
        {overview.data?.pointInTime ? (
          <p className="banner" role="status" data-testid="team-point-in-time">
            The axis profiles show the team&apos;s systems at the end of {formatDate(overview.data.asOf)}{" "}
            (UTC), as the platform had scored them then. The gap, its trend, the forecast and the risks are
            today&apos;s.
          </p>
        ) : null}
      </div>
      <QueryState query={overview} what={`the systems of team ${team}`}>
        {(data) => {
          const systems = [...data.systems].sort((a, b) => a.name.localeCompare(b.name));
          if (systems.length === 0) {
            return (
              <p className="error-box" role="alert">
                No team called “{team}” has systems
                {data.pointInTime ? ` at the end of ${formatDate(data.asOf)}` : ""}. Check the address
                {data.pointInTime ? " or the date" : ""}, or pick a team on the{" "}
                <Link href={paths.org}>organisation page</Link>.
              </p>
            );
          }
          return (
            <div className="team-grid">
              <section aria-labelledby="profiles-heading" className="panel wide">
                <h2 id="profiles-heading">Systems and their axis profiles</h2>
                <LevelLegend />
                <HeatMap
                  systems={systems}
                  showTeam={false}
                  caption={`${systems.length} systems of team ${team}`}
                />
              </section>
              <section aria-labelledby="gap-heading" className="panel">
                <h2 id="gap-heading">Classical vs LLM/agent</h2>
                <QueryState query={rollups} what="the team's rollups">
                  {(rows) => {
                    const rollup = asRollups(rows).find((row) => row.scope === `team:${team}`);
                    return rollup ? (
                      <TrackGapChart rollup={rollup} />
                    ) : (
                      <p className="muted">
                        No rollup for this team yet; it is computed after the next scoring pass.
                      </p>
                    );
                  }}
                </QueryState>
              </section>
              <section aria-labelledby="trend-heading" className="panel">
                <h2 id="trend-heading">Trend of the gap</h2>
                <QueryState query={series} what="the team's trend">
                  {(result) => (
                    <GapTrendChart
                      points={result.points}
                      caption="Gap per axis over the last 26 weeks"
                      forecast={
                        forecast.data && { asOf: forecast.data.asOf, gap: forecast.data.forecast.gap }
                      }
                    />
                  )}
                </QueryState>
              </section>
              <section aria-labelledby="catch-up-heading" className="panel wide">
                <h2 id="catch-up-heading">When does LLM/agent operations catch up</h2>
                <QueryState query={forecast} what="the team's forecast">
                  {(result) => (
                    <>
                      <CatchUpTable
                        gap={result.forecast.gap}
                        asOf={result.asOf}
                        minHistoryDays={result.minHistoryDays}
                        scope={`Team ${team}`}
                      />
                      <h3 className="forecast-subheading">Each system&apos;s next level</h3>
                      <TeamSystemForecasts systems={result.systems} />
                    </>
                  )}
                </QueryState>
              </section>
              <section aria-labelledby="team-risks-heading" className="panel wide">
                <h2 id="team-risks-heading">Risks</h2>
                <PagedRiskList
                  filter={{ team }}
                  pageSize={20}
                  what="the team's risks"
                  empty="No risks for this team."
                />
              </section>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
