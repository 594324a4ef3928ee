import { defineConfig } from "vitest/config";

// Property tests fold and score hundreds of random organisations: give them time on a busy machine.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 120_000 } });
