import { Link } from "wouter";
import { formatDate } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import type { RouterOutputs } from "../../server/router.ts";

type CampaignRow = RouterOutputs["campaigns"]["list"][number];

/** Open campaigns with systems that will miss their deadline at present pace, most at risk first. */
export function CampaignsAtRisk({ campaigns }: { campaigns: readonly CampaignRow[] }) {
  const atRisk = campaigns
    .filter((row) => row.status === "open" && row.progress.atRisk > 0)
    .sort(
      (a, b) =>
        b.progress.atRisk - a.progress.atRisk || a.campaign.deadline.localeCompare(b.campaign.deadline),
    );
  if (atRisk.length === 0)
    return (
      <p>
        No open campaign has a system off track. <Link href={paths.campaigns}>All campaigns</Link>
      </p>
    );
  return (
    <table className="data-table" aria-label="Campaigns at risk">
      <thead>
        <tr>
          <th>Campaign</th>
          <th>Deadline</th>
          <th>Meeting</th>
          <th>Will miss</th>
        </tr>
      </thead>
      <tbody>
        {atRisk.map((row) => (
          <tr key={row.campaign.id}>
            <td>
              <Link href={paths.campaign(row.campaign.id)}>{row.campaign.name}</Link>
            </td>
            <td>{formatDate(row.campaign.deadline)}</td>
            <td>
              {row.progress.meeting} of {row.progress.inScope}
            </td>
            <td className="at-risk">{row.progress.atRisk}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
