#!/usr/bin/env node
// Guards the postgres driver (3.4.x) against a crash it has when a connection closes while a
// small write is still buffered: its deferred `nextWrite` then calls `write` on a null socket and
// throws from a setImmediate callback, which no caller can catch, so a database restart took the
// whole worker down. The guard settles the queries waiting on that connection with
// CONNECTION_CLOSED instead, which the worker already treats as "the database is away".
// Upstream: porsager/postgres issues 1066, 1154 and 1208 (open at 3.4.10). Idempotent; run by the
// root package's postinstall. Remove it once the driver guards this itself.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

export const guardMarker = "maturity: guard a write after the connection closed";

const unguarded = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const guarded = `  function nextWrite(fn) {
    if (socket === null) { // ${guardMarker}
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

/** The driver's connection modules (ESM and CommonJS builds) as installed for packages/db. */
export function driverFiles() {
  const require = createRequire(import.meta.url);
  // The package exports no package.json: find its folder from its entry point.
  const entry = require.resolve("postgres");
  const marker = `${path.sep}node_modules${path.sep}postgres${path.sep}`;
  const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  return ["src/connection.js", "cjs/src/connection.js"]
    .map((file) => path.join(root, file))
    .filter((file) => existsSync(file));
}

function patch(file) {
  const source = readFileSync(file, "utf8");
  if (source.includes(guardMarker)) return "already guarded";
  if (!source.includes(unguarded)) {
    throw new Error(
      `${file}: nextWrite is not where this patch expects it; check whether the driver still needs it`,
    );
  }
  writeFileSync(file, source.replace(unguarded, guarded));
  return "guarded";
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of driverFiles()) process.stdout.write(`postgres driver: ${patch(file)} (${file})\n`);
}
