// @maturity/alerts: alert rules as a file (MATURITY_ALERTS), decided from the state the worker
// committed before and after a change, grouped per destination, rendered as signed CloudEvents
// or Slack messages, with the retry schedule for delivering them. Pure but for readAlertsFile.
export {
  alertsFileSchema,
  alertRuleSchema,
  destinationSchema,
  quietHoursSchema,
  alertKinds,
  type AlertRule,
  type AlertRuleInput,
  type AlertKind,
  type LevelDroppedRule,
  type RiskEnteredTopRule,
  type GapWidenedRule,
  type WaiverExpiringRule,
  type EvidenceStaleRule,
  type CampaignOffTrackRule,
  type QuietHours,
} from "./alerts-schema.ts";
export {
  parseAlertsText,
  readAlertsFile,
  type AlertsFileResult,
  type AlertsFileOptions,
} from "./alerts-file.ts";
export type { AlertsConfig, Destination, WebhookDestination, SlackDestination } from "./file-checks.ts";
export { ruleListIssues } from "./file-checks.ts";
export { formatAlertsFileError, formatAlertsFileErrors, type AlertsFileError } from "./file-errors.ts";
export { webhookSecretProblem, type SecretLookup } from "./secrets.ts";
export { alertSettings, type AlertSettingValues } from "./settings.ts";
export type {
  AlertSnapshot,
  SystemSnapshot,
  CriterionSnapshot,
  WaiverSnapshot,
  RankedRisk,
  RollupSnapshot,
  GapPoint,
  CampaignSnapshot,
  CampaignRiskSnapshot,
} from "./snapshot.ts";
export {
  snapshotFromReport,
  riskIdentity,
  gapPointsOf,
  systemSnapshot,
  evidenceKindsOf,
  type SnapshotOptions,
} from "./snapshot-from-report.ts";
export type {
  Alert,
  AlertOf,
  AlertSubject,
  AlertChanges,
  CriterionMove,
  LevelDroppedChange,
  RiskEnteredTopChange,
  GapWidenedChange,
  WaiverExpiringChange,
  WaiverStage,
  EvidenceStaleChange,
  CampaignOffTrackChange,
} from "./alert.ts";
export { decideAlerts, gapHistoryDays, type DecideInput } from "./decide.ts";
export {
  alertKindScopes,
  decideSystemAlerts,
  decideOrgAlerts,
  type SystemChangeInput,
  type OrgChangeInput,
  type OrgAlertState,
} from "./decide-committed.ts";
export { groupAlerts, mergeMessages, type AlertMessage, type GroupOptions } from "./group.ts";
export { quietHoursEnd } from "./quiet-hours.ts";
export { portalLink } from "./portal-links.ts";
export {
  alertCloudEvent,
  renderCloudEvents,
  cloudEventSource,
  cloudEventTypePrefix,
  type AlertCloudEvent,
  type AlertEventData,
  type RenderOptions,
  type RenderedBody,
} from "./render/cloudevent.ts";
export {
  renderSlack,
  renderSlackBody,
  escapeSlack,
  slackLimits,
  type SlackMessage,
  type SlackBlock,
} from "./render/slack.ts";
export { signWebhook, type WebhookHeaders, type SignInput } from "./sign.ts";
export {
  nextAttempt,
  retryAfterMs,
  defaultRetryPolicy,
  type RetryPolicy,
  type AttemptOutcome,
  type AttemptInput,
  type NextAttempt,
} from "./retry.ts";
export { deliveryRequest, type DeliveryRequest } from "./request.ts";
