// clauses.json: the regulation view of the report as data.
import type { PackBasis } from "../basis.ts";
import { clauseIndex, type ClauseEntry } from "../clause-index.ts";

export interface ClausesDocument {
  systemId: string;
  asOf: string;
  rubricVersion: string;
  clauses: ClauseEntry[];
}

export function clausesDocument(basis: PackBasis): ClausesDocument {
  return {
    systemId: basis.systemId,
    asOf: new Date(basis.asOf).toISOString(),
    rubricVersion: basis.policy.rubricVersion,
    clauses: clauseIndex(basis.report, basis.policy.rubric),
  };
}
