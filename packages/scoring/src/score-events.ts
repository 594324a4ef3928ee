import type { MaturityEvent, ScoreReport } from "@maturity/model";
import { evolve } from "./facts/fold.ts";
import { initialFacts } from "./facts/initial.ts";
import { resolveOptions, type ScoreOptions } from "./options.ts";
import { scoreOrg } from "./report.ts";

/**
 * Folds events and scores the organisation in one call (the CLI's path). Events after `asOf` are
 * left out before folding; scoring also ignores them, so facts folded with later events agree.
 */
export function scoreEvents(events: Iterable<MaturityEvent>, options: ScoreOptions): ScoreReport {
  const { asOf } = resolveOptions(options);
  const facts = initialFacts();
  for (const event of events) {
    if (Date.parse(event.time) <= asOf) evolve(facts, event);
  }
  return scoreOrg(facts, options);
}
