// A vitest global setup: compiles the workspace under test (`npm run build`) once before its
// tests, so the tests that start a process run the same JavaScript `npm start` and the bin run,
// and never a stale build. esbuild takes well under a second per app.
import { spawnSync } from "node:child_process";
import process from "node:process";

export default function buildBeforeTests() {
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: process.cwd(), encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`npm run build failed in ${process.cwd()} (exit ${result.status}):\n${result.stderr}`);
  }
}
