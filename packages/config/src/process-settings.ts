// Settings any of our processes may read, whatever it runs: its log level and, for those that
// serve HTTP, where they listen. Declared once; a process composes them, with its own defaults
// (`withDefaults`) where they differ.
import { z } from "zod";

export const logLevelSettings = {
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("The least severe log lines written (JSON lines on stdout)"),
};

/** Where an HTTP process listens; these defaults are `npm start`'s (the portal). */
export const listenSettings = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("The HTTP port (0: any free port)"),
  HOST: z.string().min(1).default("localhost").describe("The address the HTTP server listens on"),
};
