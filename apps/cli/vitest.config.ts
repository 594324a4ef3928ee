import { defineConfig } from "vitest/config";

// The CLI tests start the real bin (tsx compiles on the fly), so allow them some time.
export default defineConfig({
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
});
