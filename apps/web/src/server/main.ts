import { parseArgs } from "node:util";
import { readEnv } from "./env.ts";
import { startWithFirstRun } from "./first-run.ts";

const usage = `Usage: npm start -- [--reset] [--no-demo]
  --reset    delete the embedded data folder (MATURITY_DATA_DIR) and start over
  --no-demo  do not seed the demo organisation on a fresh data folder`;

function readFlags() {
  try {
    const { values } = parseArgs({
      options: {
        reset: { type: "boolean" },
        "no-demo": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    console.error(`maturity: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const flags = readFlags();
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

// Every setting is checked before anything starts (docs/configuration.md lists them).
const env = (() => {
  try {
    return readEnv();
  } catch (error) {
    console.error(`maturity: ${(error as Error).message}`);
    process.exit(2);
  }
})();
const started = await startWithFirstRun(env, {
  reset: flags.reset === true,
  demo: flags["no-demo"] !== true,
  progress: process.stderr.isTTY === true,
}).catch((error: unknown) => {
  console.error(`maturity: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { platform, seeded } = started;

if (seeded !== null) {
  platform.app.log.info(
    { events: seeded.events, systems: seeded.systems, seconds: seeded.seconds },
    "demo organisation seeded",
  );
}
// performance.now() counts from the start of this process.
const readySeconds = (performance.now() / 1000).toFixed(1);
const demoLine =
  seeded !== null
    ? `  Demo organisation: ${seeded.systems} systems, ${seeded.events.toLocaleString("en")} events (seeded in ${seeded.seconds.toFixed(1)} s)\n`
    : started.skipped !== undefined
      ? `  Demo organisation: not seeded (${started.skipped})\n`
      : "";
console.log(
  `\n  Maturity portal (${platform.mode} mode): ${platform.url}\n${demoLine}  Ready with data ${readySeconds} s after start\n`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    platform.app.log.info({ signal }, "shutting down");
    void platform.close().then(() => process.exit(0));
  });
}
