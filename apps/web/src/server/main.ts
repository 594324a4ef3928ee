import { readEnv } from "./env.ts";
import { startPlatform } from "./platform.ts";

const env = readEnv();
const platform = await startPlatform(env).catch((error: unknown) => {
  console.error(`maturity: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`\n  Maturity portal (${platform.mode} mode): ${platform.url}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    platform.app.log.info({ signal }, "shutting down");
    void platform.close().then(() => process.exit(0));
  });
}
