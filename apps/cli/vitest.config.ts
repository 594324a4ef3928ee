import { defineConfig } from "vitest/config";

// The CLI tests start the real, compiled bin (built once by the global setup), so allow them time.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["../../scripts/build-before-tests.mjs"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
