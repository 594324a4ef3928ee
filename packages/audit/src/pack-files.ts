// The derived files of a pack as bytes: one definition for the writer and for the verifier, which
// renders them again from the pack's own events and compares.
import { createHash } from "node:crypto";
import type { SystemReport } from "@maturity/model";
import type { PackBasis } from "./basis.ts";
import type { HistoryDocument } from "./history.ts";
import { packFiles } from "./manifest.ts";
import { clausesDocument } from "./render/clauses-json.ts";
import { cycloneDx } from "./render/cyclonedx.ts";
import { reportHtml, type ReportPage } from "./render/report-html.ts";

export interface ReportDocument {
  systemId: string;
  asOf: string;
  rubricVersion: string;
  report: SystemReport;
}

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function reportDocument(basis: PackBasis): ReportDocument {
  return {
    systemId: basis.systemId,
    asOf: new Date(basis.asOf).toISOString(),
    rubricVersion: basis.policy.rubricVersion,
    report: basis.report,
  };
}

/** The files whose names sort before events.ndjson: known once the events are folded. */
export function filesBeforeEvents(basis: PackBasis): Map<string, Uint8Array> {
  return new Map([
    [packFiles.clauses, jsonBytes(clausesDocument(basis))],
    [packFiles.cyclonedx, jsonBytes(cycloneDx(basis))],
  ]);
}

/** The derived files whose names sort after it: they cite events.ndjson's contents. */
export function filesAfterEvents(page: ReportPage & { history: HistoryDocument }): Map<string, Uint8Array> {
  return new Map([
    [packFiles.history, jsonBytes(page.history)],
    [packFiles.policy, jsonBytes(page.basis.policy.document)],
    [packFiles.reportHtml, encoder.encode(reportHtml(page))],
    [packFiles.reportJson, jsonBytes(reportDocument(page.basis))],
  ]);
}
