import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import { AsOfPicker, endOfDay } from "../components/AsOfPicker.tsx";
import { CampaignBurnUpChart } from "../components/CampaignBurnUpChart.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { useUrlParam } from "../hooks/useUrlParam.ts";
import { formatDate } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import type { RouterOutputs } from "../../server/router.ts";
import { trpc } from "../trpc.ts";

type Campaign = RouterOutputs["campaigns"]["get"];

const missReasons: Record<Campaign["progress"]["atRisk"][number]["reason"], string> = {
  too_slow: "climbing, too slowly for the deadline",
  not_improving: "not improving",
  declining: "declining",
  not_enough_history: "not enough history to tell",
  no_forecast: "not met yet (a single criterion has no trend)",
};

const exampleCampaign = `id: llm-eval-l3
name: High-risk LLM systems at evaluation level 3
scope:
  kinds: [llm, agent]
  riskTiers: [high]
target:
  kind: axis_level     # or: kind: criterion_met, criterionId: evaluation.l3.offline-eval-gate
  axis: evaluation
  level: 3
deadline: 2027-06-30T00:00:00Z
owner: head-of-ml-platform
`;

function targetText(target: Campaign["campaign"]["target"]): string {
  return target.kind === "axis_level"
    ? `${target.axis} at level ${target.level} or above`
    : `${target.criterionId} met`;
}

function scopeText(scope: Campaign["campaign"]["scope"]): string {
  const parts = [
    scope.teams === undefined ? "every team" : `teams ${scope.teams.join(", ")}`,
    scope.kinds === undefined ? "every kind" : scope.kinds.join(" and "),
    scope.riskTiers === undefined ? "every risk tier" : `${scope.riskTiers.join(" or ")} risk`,
  ];
  return parts.join(" · ");
}

/** Targets with deadlines: how far each has come, and who will miss it at present pace. */
export function CampaignsPage() {
  useDocumentTitle("Campaigns");
  const [day, setDay] = useUrlParam("asOf");
  const list = useQuery(
    trpc.campaigns.list.queryOptions(day === undefined ? undefined : { asOf: endOfDay(day) }),
  );
  const me = useQuery(trpc.auth.me.queryOptions());
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  return (
    <>
      <div className="page-head">
        <h1>Campaigns</h1>
        <p className="muted">
          A target for a set of systems with a deadline. Progress is read from the score history; the systems
          that will miss the deadline at the pace their history shows are listed with their next step.
        </p>
        <AsOfPicker value={day} onChange={setDay} />
      </div>
      <QueryState query={list} what="the campaigns">
        {(campaigns) =>
          campaigns.length === 0 ? (
            <p className="banner">
              No campaign yet. {isAdmin ? "Define one below." : "An admin defines them."}
            </p>
          ) : (
            <table className="data-table" aria-label="Campaigns">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Target</th>
                  <th>Deadline</th>
                  <th>Meeting</th>
                  <th>On track</th>
                  <th>At risk</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((entry) => (
                  <tr key={entry.campaign.id}>
                    <td>
                      <Link href={paths.campaign(entry.campaign.id, day)}>{entry.campaign.name}</Link>
                    </td>
                    <td>{targetText(entry.campaign.target)}</td>
                    <td>{formatDate(entry.campaign.deadline)}</td>
                    <td>
                      {entry.progress.meeting} of {entry.progress.inScope}
                    </td>
                    <td>{entry.progress.onTrack}</td>
                    <td className={entry.progress.atRisk > 0 ? "at-risk" : undefined}>
                      {entry.progress.atRisk}
                    </td>
                    <td>{entry.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {isAdmin ? <DefineCampaign /> : null}
    </>
  );
}

/** One campaign: its burn-up, the systems that will miss it, and (for admins) closing it. */
export function CampaignPage() {
  const { campaignId } = useParams<{ campaignId: string }>();
  useDocumentTitle(`Campaign ${campaignId}`);
  const [day, setDay] = useUrlParam("asOf");
  const campaign = useQuery(
    trpc.campaigns.get.queryOptions({ campaignId, ...(day !== undefined && { asOf: endOfDay(day) }) }),
  );
  const me = useQuery(trpc.auth.me.queryOptions());
  const isAdmin = me.data?.roles.includes("admin") ?? false;
  return (
    <QueryState query={campaign} what={`the campaign ${campaignId}`}>
      {(data) => (
        <>
          <div className="page-head">
            <p>
              <Link href={paths.campaigns}>Campaigns</Link>
            </p>
            <h1>{data.campaign.name}</h1>
            <p>
              <strong>{targetText(data.campaign.target)}</strong> for {scopeText(data.campaign.scope)}, by{" "}
              <strong>{formatDate(data.campaign.deadline)}</strong>. Owner: {data.campaign.owner}.
            </p>
            {data.campaign.description ? <p className="muted">{data.campaign.description}</p> : null}
            <p className="muted small">
              Defined by {data.definedBy} on {formatDate(data.definedAt)}
              {data.status === "closed"
                ? `; closed by ${data.closedBy} on ${formatDate(data.closedAt!)}${data.closeReason ? `: ${data.closeReason}` : ""}`
                : ""}
              .
            </p>
            <AsOfPicker value={day} onChange={setDay} />
          </div>
          <section aria-label="Progress">
            <h2>
              {data.progress.meeting} of {data.progress.inScope} systems meet the target
              {data.progress.deadlinePassed ? " (the deadline has passed)" : ""}
            </h2>
            <CampaignBurnUpChart points={data.progress.burnUp} deadline={data.campaign.deadline} />
          </section>
          <section aria-label="At risk">
            <h2>Will miss the deadline at present pace ({data.progress.atRisk.length})</h2>
            {data.progress.atRisk.length === 0 ? (
              <p>Every system in scope meets the target or is on course to by the deadline.</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>System</th>
                    <th>Team</th>
                    <th>Why</th>
                    <th>Expected</th>
                    <th>Next step</th>
                  </tr>
                </thead>
                <tbody>
                  {data.progress.atRisk.map((system) => (
                    <tr key={system.systemId}>
                      <td>
                        <Link href={paths.system(system.systemId)}>{system.name}</Link>
                      </td>
                      <td>
                        <Link href={paths.team(system.team)}>{system.team}</Link>
                      </td>
                      <td>{missReasons[system.reason]}</td>
                      <td>{system.expected === null ? "–" : formatDate(system.expected)}</td>
                      <td>{system.nextUpgrade ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {isAdmin && data.status === "open" ? <CloseCampaign campaignId={data.campaign.id} /> : null}
        </>
      )}
    </QueryState>
  );
}

function DefineCampaign() {
  const [text, setText] = useState(exampleCampaign);
  const queryClient = useQueryClient();
  const define = useMutation(
    trpc.campaigns.define.mutationOptions({
      onSuccess: async () => queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() }),
    }),
  );
  const result = define.data;
  return (
    <section aria-label="Define a campaign">
      <h2>Define or change a campaign</h2>
      <p className="muted">
        Write it here or load a file (YAML or JSON). The same id changes an existing campaign. Saving records
        a campaign.defined event with your name; it shows once the worker has applied it.
      </p>
      <input
        type="file"
        accept=".yaml,.yml,.json"
        aria-label="Load a campaign file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) setText(await file.text());
        }}
      />
      <textarea
        aria-label="Campaign definition"
        rows={14}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="button"
        disabled={define.isPending}
        onClick={() => define.mutate({ text, fileName: "campaign.yaml" })}
      >
        Save campaign
      </button>
      {define.error ? <p className="error-box">{define.error.message}</p> : null}
      {result?.ok === false ? (
        <ul className="error-box" aria-label="Problems">
          {result.errors.map((error) => (
            <li key={`${error.path}:${error.line}`}>
              line {error.line}: <code>{error.path}</code>: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result?.ok === true ? (
        <p role="status">
          Saved: {result.campaignId} (event {result.eventId}).
        </p>
      ) : null}
    </section>
  );
}

function CloseCampaign({ campaignId }: { campaignId: string }) {
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const close = useMutation(
    trpc.campaigns.close.mutationOptions({
      onSuccess: async () => queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey() }),
    }),
  );
  return (
    <section aria-label="Close the campaign">
      <h2>Close the campaign</h2>
      <input
        aria-label="Why"
        placeholder="Why (optional)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        disabled={close.isPending}
        onClick={() => close.mutate({ campaignId, reason })}
      >
        Close
      </button>
      {close.error ? <p className="error-box">{close.error.message}</p> : null}
      {close.isSuccess ? <p role="status">Closed; it shows once the worker has applied it.</p> : null}
    </section>
  );
}
