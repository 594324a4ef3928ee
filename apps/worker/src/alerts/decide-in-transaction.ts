// Alerts are decided inside the transaction that commits the change they report, and written to
// the outbox there: a system's from its re-score (scoreAndWrite), the organisation's from the
// rollup (refreshRollups). A change that rolls back takes its alerts with it; one that commits
// has them in the outbox, whatever happens to the process next.
import {
  alertRuleSchema,
  decideOrgAlerts,
  decideSystemAlerts,
  groupAlerts,
  type Alert,
  type AlertRule,
  type AlertsConfig,
  type CampaignSnapshot,
  type OrgAlertState,
} from "@maturity/alerts";
import type { Transaction } from "@maturity/db";
import {
  enqueueAlertMessages,
  listCampaigns,
  loadAlertOrgState,
  loadAlertRules,
  saveAlertOrgState,
} from "@maturity/db";
import type { ScoreReport, SystemReport } from "@maturity/model";
import type { Rubric } from "@maturity/model/rubric";
import { campaignProgress } from "../campaigns/campaign-progress.ts";

/**
 * The rules in force: an admin's from the portal (the latest alerts.rules.changed), else the
 * alerts file's. The event's rules were checked when it was applied; read back, they are parsed
 * again so defaults added since apply.
 */
export async function rulesInForce(tx: Transaction, alerts: AlertsConfig): Promise<AlertRule[]> {
  const stored = await loadAlertRules(tx);
  if (stored?.rules == null) return alerts.rules;
  return stored.rules.flatMap((rule) => {
    const parsed = alertRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface ScoredSystem {
  report: SystemReport;
  /** The system's report before this transaction, and the time it was scored as of. */
  before: { report: SystemReport; asOf: string } | undefined;
  /** What identifies the new state (see AlertSnapshot.stateId). */
  stateId: string;
}

/** Decides the system rules for these re-scored systems and enqueues their messages. */
export async function enqueueSystemAlerts(
  tx: Transaction,
  alerts: AlertsConfig,
  scored: readonly ScoredSystem[],
  rubric: Pick<Rubric, "criteria">,
  now: Date,
): Promise<Alert[]> {
  const rules = await rulesInForce(tx, alerts);
  const decided = scored.flatMap((system) =>
    decideSystemAlerts({
      rules,
      rubric,
      before: system.before,
      after: system.report,
      stateId: system.stateId,
      now,
    }),
  );
  await enqueue(tx, alerts, decided, now);
  return decided;
}

/** Decides the organisation's rules for a new rollup against the last, enqueues, and keeps the new state. */
export async function enqueueOrgAlerts(
  tx: Transaction,
  alerts: AlertsConfig,
  report: ScoreReport,
  rubric: Rubric,
): Promise<Alert[]> {
  const rules = await rulesInForce(tx, alerts);
  const stored = await loadAlertOrgState(tx);
  const campaigns = await watchedCampaigns(tx, rules, Date.parse(report.asOf), rubric);
  const { alerts: decided, state } = decideOrgAlerts({
    rules,
    rubric,
    before: (stored?.snapshot as OrgAlertState | undefined) ?? null,
    after: report,
    ...(campaigns !== undefined && { campaigns }),
  });
  await enqueue(tx, alerts, decided, new Date(report.asOf));
  await saveAlertOrgState(tx, report.asOf, state);
  return decided;
}

/**
 * The open campaigns the campaign_off_track rules watch (those they name; all when one names none),
 * evaluated as of the rollup; undefined without such rules.
 */
async function watchedCampaigns(
  tx: Transaction,
  rules: readonly AlertRule[],
  asOf: number,
  rubric: Rubric,
): Promise<CampaignSnapshot[] | undefined> {
  const watching = rules.flatMap((rule) => (rule.kind === "campaign_off_track" ? [rule] : []));
  if (watching.length === 0) return undefined;
  const named = watching.some((rule) => rule.campaigns === undefined)
    ? undefined
    : new Set(watching.flatMap((rule) => rule.campaigns ?? []));
  const open = (await listCampaigns(tx)).filter(
    (stored) => stored.status === "open" && (named?.has(stored.campaign.id) ?? true),
  );
  const snapshots: CampaignSnapshot[] = [];
  for (const stored of open) {
    const progress = await campaignProgress(tx, stored, asOf, rubric);
    snapshots.push({
      campaignId: stored.campaign.id,
      name: stored.campaign.name,
      deadline: stored.campaign.deadline,
      atRisk: progress.atRisk.map(({ systemId, name, team, reason, expected }) => ({
        systemId,
        name,
        team,
        reason,
        expected,
      })),
    });
  }
  return snapshots;
}

async function enqueue(tx: Transaction, alerts: AlertsConfig, decided: readonly Alert[], now: Date) {
  if (decided.length === 0) return;
  const messages = groupAlerts(decided, { now, quietHours: alerts.quietHours });
  await enqueueAlertMessages(
    tx,
    messages.map((message) => ({
      messageId: message.id,
      destination: message.destination,
      message,
      sendAt: message.sendAt,
    })),
  );
}
