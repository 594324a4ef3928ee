// The live stream: after the history, systems keep working. Each step takes one system's next
// day of activity at its final practice levels and stamps every event with the moment it is
// sent, so the portal sees new evidence arrive and scores move.
import type { DemoEvent } from "./events.ts";
import type { DemoOptions } from "./options.ts";
import type { OrganisationPlan } from "./organisation.ts";
import { Prng } from "./prng.ts";
import { SystemSimulator } from "./system-simulator.ts";
import { dayMs, Timeline } from "./timeline.ts";

/**
 * An endless stream of new events. `now` is read once per event (the caller paces the stream);
 * `session` keeps event ids of separate live runs apart, so none is dropped as a duplicate.
 */
export function* liveEvents(
  plan: OrganisationPlan,
  options: DemoOptions,
  now: () => number,
  session: string,
): Generator<DemoEvent> {
  const rng = new Prng(options.seed, `live/${session}`);
  const simulators = new Map<string, SystemSimulator>();
  const timeline = new Timeline(options.end, options.days);
  for (let round = 0; ; round++) {
    const system = rng.pick(plan.systems);
    let simulator = simulators.get(system.systemId);
    if (simulator === undefined) {
      simulator = new SystemSimulator(
        system,
        timeline,
        options.llmCallsPerDay,
        options.seed,
        `${system.systemId}.live-${session}`,
      );
      simulators.set(system.systemId, simulator);
    }
    const final = system.profile.phases[system.profile.phases.length - 1]?.levels;
    // The day is simulated as "the last 24 hours" so every derived time is in the past.
    for (const event of simulator.day(options.days + round, now() - dayMs, final)) {
      event.time = new Date(now()).toISOString();
      yield event;
    }
  }
}
