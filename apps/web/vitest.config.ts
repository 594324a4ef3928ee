import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["../../scripts/build-before-tests.mjs"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real-service suites share one broker and one Postgres server; keep files sequential.
    fileParallelism: false,
  },
});
