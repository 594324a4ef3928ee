import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generatedDocs } from "./index.ts";

describe("the files generated from the settings", () => {
  it.each(generatedDocs.map((page) => [page.path, page] as const))("%s is current", async (_path, page) => {
    const written = await readFile(page.path, "utf8").catch(() => "(missing)");
    expect(written, "stale: run `npm run docs -w @maturity/web`").toBe(page.render());
  });
});
