import type { CriterionGuide, Waiver } from "../lib/api-types.ts";
import { formatDate, formatDateTime, formatTimeUntil } from "../lib/format.ts";

interface Props {
  waivers: readonly Waiver[];
  guide: Record<string, CriterionGuide>;
  /** Expiries are counted from this time ("expires in 12 days"): now, or the as-of view's time. */
  from: number;
}

/** A system's waivers in force: each waived criterion counts as met until its expiry. */
export function WaiverList({ waivers, guide, from }: Props) {
  if (waivers.length === 0)
    return <p className="muted">No waivers in force: every criterion is judged on its evidence.</p>;
  return (
    <div className="table-scroll">
      <table className="compact" data-testid="waivers">
        <caption>
          {waivers.length} waiver{waivers.length === 1 ? "" : "s"} in force: each criterion counts as met
          until the waiver expires
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Reason</th>
            <th scope="col">Approver</th>
            <th scope="col">Granted</th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {[...waivers]
            .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
            .map((waiver) => (
              <tr key={waiver.eventId} data-criterion={waiver.criterionId}>
                <th scope="row">
                  {guide[waiver.criterionId]?.title ?? waiver.criterionId}
                  <br />
                  <code className="small">{waiver.criterionId}</code>
                </th>
                <td>{waiver.reason}</td>
                <td>{waiver.approver}</td>
                <td>{formatDate(waiver.grantedAt)}</td>
                <td>
                  {formatDateTime(waiver.expiresAt)}
                  <br />
                  <span className="small waiver-expiry">
                    expires {formatTimeUntil(waiver.expiresAt, from)}
                  </span>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
