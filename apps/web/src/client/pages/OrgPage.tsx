import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { AsOfPicker, endOfDay, isDay } from "../components/AsOfPicker.tsx";
import { HeatMap } from "../components/HeatMap.tsx";
import { LevelLegend } from "../components/LevelLegend.tsx";
import { OrgFilters } from "../components/OrgFilters.tsx";
import { OrgWaivers } from "../components/OrgWaivers.tsx";
import { PagedRiskList } from "../components/PagedRiskList.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { TeamGroups } from "../components/TeamGroups.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useOrgFilters } from "../hooks/useOrgFilters.ts";
import { useOverview } from "../hooks/useOverview.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { countLevels } from "../lib/level-counts.ts";
import { systemKinds } from "../lib/vocabulary.ts";
import { trpc } from "../trpc.ts";

// The charting library is large: the heat map renders without waiting for it.
const LevelCountsChart = lazy(() =>
  import("../components/LevelCountsChart.tsx").then((m) => ({ default: m.LevelCountsChart })),
);

/**
 * Every system on every axis, the same systems grouped by team (searchable, sortable, a page at a
 * time), the ranked risks a page at a time, and how many systems sit at each level.
 */
export function OrgPage() {
  useDocumentTitle("Organisation");
  const filters = useOrgFilters();
  const { team, kind, systemKind, riskTier } = filters.values;
  const [asOfParam, setAsOf] = useUrlParam("asOf");
  const asOfDay = isDay(asOfParam) ? asOfParam : undefined;
  const overview = useOverview({ asOf: asOfDay ? endOfDay(asOfDay) : undefined });
  const waivers = useQuery(trpc.org.waivers.queryOptions());

  return (
    <QueryState query={overview} what="the organisation overview">
      {(data) => {
        const teams = [...new Set(data.systems.map((system) => system.team))].sort();
        const shown = data.systems
          .filter(
            (system) =>
              (team === undefined || system.team === team) &&
              (systemKind === undefined || system.kind === systemKind) &&
              (riskTier === undefined || system.riskTier === riskTier),
          )
          .sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name));
        const filtered = shown.length !== data.systems.length;
        return (
          <>
            <div className="page-head">
              <h1>Organisation</h1>
              <p className="muted">
                {data.systems.length} systems
                {data.asOf ? `, scores as of ${formatDateTime(data.asOf)}` : ", no scores yet"}
              </p>
              <AsOfPicker
                value={asOfDay}
                onChange={setAsOf}
                hint="Scores as the platform had them at the end of that day (UTC), from the score history."
              />
              {data.pointInTime ? (
                <p className="banner" role="status" data-testid="org-point-in-time">
                  The heat map and level counts show the organisation at the end of {formatDate(data.asOf)}{" "}
                  (UTC), as the platform had scored it then. The systems by team, the ranked risks and the
                  waivers are today's.
                </p>
              ) : null}
            </div>
            <OrgFilters filters={filters} teams={teams} />
            {data.systems.length === 0 ? (
              <p className="muted">
                No system has been scored yet. Register one by posting a{" "}
                <code>catalog.system.registered</code> event to <code>/v1/events</code>; it appears here
                within seconds.
              </p>
            ) : (
              <div className="org-grid">
                <section aria-labelledby="heatmap-heading" className="panel wide">
                  <h2 id="heatmap-heading">Heat map</h2>
                  <LevelLegend />
                  <HeatMap
                    systems={shown}
                    caption={`${shown.length} system${shown.length === 1 ? "" : "s"} by axis; hover or focus a cell for its score`}
                  />
                </section>
                <TeamGroups filters={filters.values} />
                <section aria-labelledby="risks-heading" className="panel">
                  <h2 id="risks-heading">Ranked risks</h2>
                  <PagedRiskList
                    filter={{ team, kind, systemKind, riskTier }}
                    what="the risks"
                    empty="No risks match these filters."
                  />
                </section>
                <div className="org-side">
                  <section aria-labelledby="levels-heading" className="panel">
                    <h2 id="levels-heading">Systems per level, by axis and track</h2>
                    <Suspense fallback={<p className="muted">Loading chart…</p>}>
                      <div className="chart-row">
                        {systemKinds.map((track) => (
                          <LevelCountsChart
                            key={track}
                            track={track}
                            levelCounts={filtered ? countLevels(shown) : data.levelCounts}
                          />
                        ))}
                      </div>
                    </Suspense>
                  </section>
                  <section aria-labelledby="waivers-heading" className="panel">
                    <h2 id="waivers-heading">Waivers in force</h2>
                    <QueryState query={waivers} what="the waivers">
                      {(list) => <OrgWaivers data={list} team={team} />}
                    </QueryState>
                  </section>
                </div>
              </div>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
