// @maturity/audit: what an auditor is handed about one system — the regulation view of its
// report and, built on it, a deterministic and verifiable audit pack.
export { clauseIndex, type ClauseCriterion, type ClauseEntry, type Framework } from "./clause-index.ts";
export { writeAuditPack, type PackOutput } from "./write-pack.ts";
export { verifyAuditPack, type PackVerification, type VerifyOptions } from "./verify-pack.ts";
export type { AuditPackOptions, AuditPackResult, AuditSource, HistoryPoint, SourceEvent } from "./source.ts";
export { NoEvidenceError } from "./basis.ts";
export { StoredChainError } from "./events-pass.ts";
export { KeyError, fingerprint, fingerprintDescription, signingKeyOf, publicKeyOf } from "./signing.ts";
export { packFiles, packFormat, type Manifest } from "./manifest.ts";
export { frameworks, type FrameworkFacts } from "./frameworks.ts";
export { readPackFiles } from "./zip/read-zip.ts";
export { signingKeySettings } from "./settings.ts";
