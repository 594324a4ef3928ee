// The whole organisation's history as one stream: every system registered first (and the GPU
// queues configured), then each system's days in order. One system is simulated at a time, so
// memory does not grow with the number of days or events.
import { draft, envelope, type DemoEvent } from "./events.ts";
import type { DemoOptions } from "./options.ts";
import type { OrganisationPlan } from "./organisation.ts";
import { SystemSimulator } from "./system-simulator.ts";
import { dayMs, Timeline } from "./timeline.ts";

/** Where a running generation is; read it for a progress bar. */
export interface GenerationProgress {
  systemsDone: number;
  eventsDone: number;
}

export function newProgress(): GenerationProgress {
  return { systemsDone: 0, eventsDone: 0 };
}

export function* organisationHistory(
  plan: OrganisationPlan,
  options: DemoOptions,
  progress: GenerationProgress = newProgress(),
): Generator<DemoEvent> {
  const timeline = new Timeline(options.end, options.days);
  const simulators = (function* () {
    for (const system of plan.systems)
      yield new SystemSimulator(system, timeline, options.llmCallsPerDay, options.seed);
  })();
  // Registrations come first so the catalogue is complete before any evidence arrives.
  const registeredAt = timeline.start - 2 * dayMs;
  for (const [i, system] of plan.systems.entries()) {
    progress.eventsDone += 1;
    yield new SystemSimulator(system, timeline, 0, options.seed, `${system.systemId}.reg`).registration(
      registeredAt + i,
    );
  }
  for (const [i, team] of plan.teams.entries()) {
    const t = registeredAt + plan.systems.length + i;
    progress.eventsDone += 2;
    yield envelope(
      `${team}-fifo.queue`,
      `${team}-fifo`,
      draft(t, "gpu.queue.configured", { policy: "fifo", preemption: false }),
    );
    yield envelope(
      `${team}-priority.queue`,
      `${team}-priority`,
      draft(t, "gpu.queue.configured", { policy: "priority", preemption: true }),
    );
  }
  for (const simulator of simulators) {
    for (let day = 0; day < options.days; day++) {
      for (const event of simulator.day(day)) {
        progress.eventsDone += 1;
        yield event;
      }
    }
    progress.systemsDone += 1;
  }
}
