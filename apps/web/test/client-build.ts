// Builds the portal's client when apps/web/dist/client is missing or older than its sources, so browser
// tests and the first-render bench run on a fresh clone (and never on a stale bundle).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const builtIndex = path.join(webDir, "dist", "client", "index.html");
// What the bundle is made of: the client, the model package it imports, the build config.
const inputs = [
  path.join(webDir, "src", "client"),
  path.join(webDir, "..", "..", "packages", "model", "src"),
  path.join(webDir, "vite.config.ts"),
  path.join(webDir, "package.json"),
];

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function clientIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return inputs.some((input) => existsSync(input) && newestMtime(input) > built);
}

export function ensureClientBuilt(): void {
  if (!clientIsStale()) return;
  const vite = path.join(webDir, "..", "..", "node_modules", ".bin", "vite");
  // The bundle users get: under vitest NODE_ENV is "test", which would give React's development
  // build (several times slower to render) to the browser tests and the benches.
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], {
    cwd: webDir,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    throw new Error(
      `building the portal client failed (vite build, exit ${result.status}):\n${result.stderr}`,
    );
  }
}
