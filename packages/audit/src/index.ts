// @maturity/audit: what an auditor is handed about one system — the regulation view of its
// report and, built on it, a deterministic and verifiable audit pack.
export { clauseIndex, type ClauseCriterion, type ClauseEntry, type Framework } from "./clause-index.ts";
