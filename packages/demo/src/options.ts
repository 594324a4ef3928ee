// The knobs of the demo organisation, their defaults, and the checks that give clear errors.

export interface DemoOptions {
  /** Same seed (and same end) → byte-identical events. */
  seed: number;
  teams: number;
  systems: number;
  /** Days of history before `end`. */
  days: number;
  /** Mean LLM requests per day of one LLM system (agents run a quarter as often, plus calls). */
  llmCallsPerDay: number;
  /** Epoch ms of the last moment of history; every event time is at or before it. */
  end: number;
}

export const demoDefaults = {
  seed: 1,
  teams: 12,
  systems: 80,
  days: 180,
  llmCallsPerDay: 200,
} as const;

/** Upper bounds that keep a typo from asking for years of generation. */
export const demoLimits = { teams: 1_000, systems: 100_000, days: 3_650, llmCallsPerDay: 100_000 } as const;

/** Throws a RangeError naming the option when a value is out of range. */
export function checkDemoOptions(options: DemoOptions): DemoOptions {
  const wholeIn = (name: keyof typeof demoLimits, min: number) => {
    const value = options[name];
    if (!Number.isInteger(value) || value < min || value > demoLimits[name]) {
      throw new RangeError(`${name} must be a whole number from ${min} to ${demoLimits[name]}, got ${value}`);
    }
  };
  wholeIn("teams", 1);
  wholeIn("systems", 1);
  wholeIn("days", 7);
  wholeIn("llmCallsPerDay", 0);
  if (!Number.isSafeInteger(options.seed))
    throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!Number.isFinite(options.end)) throw new RangeError("end must be a valid time");
  if (options.teams > options.systems) {
    throw new RangeError(`teams (${options.teams}) cannot exceed systems (${options.systems})`);
  }
  return options;
}
