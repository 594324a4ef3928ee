#!/usr/bin/env node
// The `maturity` command: the compiled CLI (`npm run build -w @maturity/cli`, which `npm ci` runs).
import { existsSync } from "node:fs";
import process from "node:process";

const compiled = new globalThis.URL("../dist/main.js", import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write(
    "maturity: the CLI is not built yet; run `npm run build -w @maturity/cli` (npm ci does it too)\n",
  );
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(compiled.href);
