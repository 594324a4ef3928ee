// docs/incidents.md quotes the mapping tables; this keeps every value they declare in it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestSettings } from "../settings.ts";
import {
  alertRoutingLabels,
  alertSeverityByLabel,
  alertSignalLabels,
  alertSignalRules,
  incidentKindBySignal,
  incidentKindLabel,
  monitorSignals,
} from "./alertmanager.ts";
import { incidentKindRules } from "./incident-rules.ts";
import { pagerdutyEventTypes, pagerdutyPrioritySeverity } from "./pagerduty.ts";

const doc = readFileSync(new URL("../../../../docs/incidents.md", import.meta.url), "utf8");
const quoted = (value: string) => doc.includes(`\`${value}\``);

describe("docs/incidents.md", () => {
  it("quotes every keyword, label, priority and event type the adapters map", () => {
    const values = [
      ...incidentKindRules.flatMap((rule) => [rule.value, ...rule.keywords]),
      ...alertSignalRules.flatMap((rule) => [rule.value, ...rule.keywords]),
      ...Object.keys(alertSeverityByLabel),
      ...Object.values(alertRoutingLabels).flat(),
      ...alertSignalLabels,
      incidentKindLabel,
      ...monitorSignals,
      ...Object.entries(incidentKindBySignal).flat(),
      ...Object.keys(pagerdutyPrioritySeverity),
      ...Object.entries(pagerdutyEventTypes).flat(),
      "PAGERDUTY_WEBHOOK_SECRETS",
      "INGEST_ALERTMANAGER_INCIDENT_SEVERITIES",
    ];
    expect(values.filter((value) => !quoted(value))).toEqual([]);
    expect(Object.keys(ingestSettings)).toEqual(
      expect.arrayContaining(["PAGERDUTY_WEBHOOK_SECRETS", "INGEST_ALERTMANAGER_INCIDENT_SEVERITIES"]),
    );
  });
});
