#!/usr/bin/env node
// Compiles one of our Node programs (an app's entry point and every @maturity/* workspace it
// imports) into a single JavaScript file that plain `node` runs. Third-party packages stay
// external and are loaded from node_modules as usual, so native and WebAssembly parts (PGlite,
// kafkajs) are untouched.
//
//   node scripts/bundle-node-app.mjs <entry.ts> <outfile.js>
//
// A source file that finds a file beside it through `import.meta.url` (database migrations, the
// portal's client build) keeps finding it: in the bundle, its `import.meta.url` is the URL its
// source file had, computed relative to the bundle so the checkout can move.
import { readFile } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (entry === undefined || outfile === undefined || entry === "--help") {
  process.stdout.write("usage: node scripts/bundle-node-app.mjs <entry.ts> <outfile.js>\n");
  process.exit(entry === "--help" ? 0 : 2);
}

const outDir = path.dirname(path.resolve(outfile));

/** Bare imports are dependencies (external) unless they name one of our workspaces. */
const externalDependencies = {
  name: "external-dependencies",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@maturity/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** Gives each bundled source file its own `import.meta.url`, relative to where the bundle sits. */
const sourceFileUrls = {
  name: "source-file-urls",
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const relative = path.relative(outDir, args.path).split(path.sep).join("/");
      const sourceUrl = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return {
        contents: source.replaceAll("import.meta.url", sourceUrl),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [externalDependencies, sourceFileUrls],
});
process.stdout.write(`built ${outfile}\n`);
