// The text `maturity emit --help` ends with. Its examples are checked against the catalogue
// (examples.test.ts), like the README's.

export const emitHelpText = `
The event id:
  Without --id the id is derived: the same type, subject, source and data (and --time, when
  given) give the same id, never the clock. So a CI job retried with the same inputs sends the
  same event, and the store keeps it once (one event per source and id). Pass --id (e.g. your CI
  run id) when the same payload legitimately happens twice, e.g. an owner assigned again after a
  handover.

Exit status: 0 accepted (or valid, with --dry-run); 1 refused by ingest (its reason is printed)
or ingest not reached; 2 bad input: nothing was sent.

Examples:
  maturity emit gov.owner.assigned --subject fraud-scoring --data '{"owner":"jane.doe"}' --dry-run
  maturity emit deploy.completed --subject fraud-scoring --id "deploy-$GITHUB_RUN_ID-production" \\
    --data '{"deploymentId":"fraud-scoring-1.4.2","version":"1.4.2","environment":"production","strategy":"canary","gatedByEval":true,"automated":true,"status":"succeeded"}'
  maturity emit eval.run.completed --subject support-assistant --id "eval-$CI_PIPELINE_ID" \\
    --data '{"suite":"support-golden","release":"2.3.0","gate":"failed","scores":{"faithfulness":0.78}}'
  maturity emit gov.owner.assigned --subject fraud-scoring --data-file - < owner.json
  maturity emit deploy.complete --subject x        # unknown type: names deploy.completed, exit 2

Every type and its fields: docs/event-catalogue.md.`;
