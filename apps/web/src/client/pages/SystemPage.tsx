import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useParams } from "wouter";
import { AsOfPicker, endOfDay, isDay } from "../components/AsOfPicker.tsx";
import { AxisSection } from "../components/AxisSection.tsx";
import { ForecastList } from "../components/ForecastList.tsx";
import { MetricsTable } from "../components/MetricsTable.tsx";
import { NextUpgrade } from "../components/NextUpgrade.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { RiskList } from "../components/RiskList.tsx";
import { SystemSummary } from "../components/SystemSummary.tsx";
import { WaiverList } from "../components/WaiverList.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { axisList, riskTierLabels, systemKindLabels } from "../lib/vocabulary.ts";
import { trpc } from "../trpc.ts";

/** One system: every axis with its criteria and evidence, history, metrics, next step; now or as of a day. */
export function SystemPage() {
  const { systemId = "" } = useParams<{ systemId: string }>();
  const [asOfParam, setAsOf] = useUrlParam("asOf");
  const [evidence, setEvidence] = useUrlParam("evidence");
  const [focusAxis] = useUrlParam("axis");
  const asOfDay = isDay(asOfParam) ? asOfParam : undefined;
  const report = useQuery({
    ...trpc.system.report.queryOptions({ systemId, asOf: asOfDay ? endOfDay(asOfDay) : undefined }),
    // Keep the last view on screen while another day is computed, instead of a blank page.
    placeholderData: keepPreviousData,
  });
  // When each axis is expected at its next level, as of the same instant as the report.
  const forecast = useQuery({
    ...trpc.forecast.system.queryOptions({ systemId, asOf: asOfDay ? endOfDay(asOfDay) : undefined }),
    placeholderData: keepPreviousData,
  });
  const name = report.data?.report.name ?? systemId;
  useDocumentTitle(name);

  // A heat map cell links here with its axis: bring that axis into view once loaded.
  const loaded = report.isSuccess;
  useEffect(() => {
    if (loaded && focusAxis) document.getElementById(`section-${focusAxis}`)?.scrollIntoView();
  }, [loaded, focusAxis]);

  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link href={paths.org}>Organisation</Link>
          {report.data ? (
            <>
              {" / "}
              <Link href={paths.team(report.data.report.team)}>team {report.data.report.team}</Link>
            </>
          ) : null}{" "}
          / system
        </p>
        <h1>
          {name}
          {report.data?.report.retired ? (
            <>
              {" "}
              <span className="tag" data-testid="retired">
                retired
              </span>
            </>
          ) : null}
        </h1>
        <p className="page-links">
          <Link href={paths.systemCompliance(systemId, { asOf: asOfDay })} data-testid="compliance-link">
            Compliance view: clauses, evidence and the audit pack
          </Link>
        </p>
        <AsOfPicker value={asOfDay} onChange={setAsOf} />
      </div>
      <QueryState
        query={report}
        what={asOfDay ? `${systemId} as of ${asOfDay}` : systemId}
        remedy={
          asOfDay ? "Pick a later day: the system may not have existed yet, or go back to now." : undefined
        }
      >
        {(data) => {
          const { report: system } = data;
          return (
            <div aria-busy={report.isFetching}>
              {data.pointInTime ? (
                <p className="banner" role="status" data-testid="point-in-time">
                  Showing {system.name} as it was at the end of {formatDate(data.asOf)} (UTC), recomputed from
                  the events stored by then.
                </p>
              ) : (
                <p className="muted">Current scores, as of {formatDateTime(data.asOf)}.</p>
              )}
              <dl className="facts">
                <div>
                  <dt>Team</dt>
                  <dd>
                    <Link href={paths.team(system.team)}>{system.team}</Link>
                  </dd>
                </div>
                <div>
                  <dt>Kind</dt>
                  <dd>{systemKindLabels[system.kind]}</dd>
                </div>
                <div>
                  <dt>Risk tier</dt>
                  <dd>{riskTierLabels[system.riskTier]}</dd>
                </div>
                <div>
                  <dt>Id</dt>
                  <dd>
                    <code>{system.systemId}</code>
                  </dd>
                </div>
                <div>
                  <dt>Scored under</dt>
                  <dd>
                    <Link href={paths.policy}>
                      <code data-testid="rubric-version">{data.rubricVersion}</code>
                    </Link>
                  </dd>
                </div>
              </dl>
              {system.retired ? (
                <p className="banner">This system is retired: it is left out of rollups and risks.</p>
              ) : null}
              <SystemSummary axes={system.axes} />
              <section aria-labelledby="next-heading" className="panel">
                <h2 id="next-heading">Next upgrade</h2>
                <div className="next-and-when">
                  <NextUpgrade
                    levels={axisList.map((axis) => system.axes[axis].level)}
                    risks={system.risks}
                  />
                  <QueryState query={forecast} what="the forecast">
                    {(result) => (
                      <ForecastList
                        forecast={result.forecast}
                        asOf={result.asOf}
                        minHistoryDays={result.minHistoryDays}
                      />
                    )}
                  </QueryState>
                </div>
              </section>
              <section aria-labelledby="waivers-heading" className="panel">
                <h2 id="waivers-heading">Waivers</h2>
                <WaiverList
                  waivers={system.waivers ?? []}
                  guide={data.guide}
                  from={data.pointInTime ? Date.parse(data.asOf) : Date.now()}
                />
              </section>
              <h2>Axes</h2>
              {axisList.map((axis) => (
                <AxisSection
                  key={axis}
                  systemId={system.systemId}
                  axis={axis}
                  score={system.axes[axis]}
                  history={data.history.filter((row) => row.axis === axis)}
                  guide={data.guide}
                  evidenceAsOf={data.pointInTime ? data.asOf : undefined}
                  openEvidence={evidence}
                  onToggleEvidence={(criterionId) =>
                    setEvidence(evidence === criterionId ? undefined : criterionId)
                  }
                  forecast={
                    forecast.data === undefined
                      ? undefined
                      : {
                          asOf: forecast.data.asOf,
                          axis: forecast.data.forecast[axis],
                          minHistoryDays: forecast.data.minHistoryDays,
                        }
                  }
                />
              ))}
              <section aria-labelledby="metrics-heading" className="panel">
                <h2 id="metrics-heading">Operational metrics</h2>
                <MetricsTable metrics={system.metrics} />
              </section>
              <section aria-labelledby="system-risks-heading" className="panel">
                <h2 id="system-risks-heading">Risks</h2>
                <RiskList risks={system.risks} empty="No open risks for this system." />
              </section>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}
