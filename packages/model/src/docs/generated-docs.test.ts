import { readdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedDocs } from "./index.ts";

describe("the generated pages under docs/", () => {
  it.each(generatedDocs.map((page) => [page.path, page] as const))("%s is current", async (_path, page) => {
    const written = await readFile(page.path, "utf8").catch(() => "(missing)");
    expect(written, "stale: run `npm run docs -w @maturity/model`").toBe(page.render());
  });

  it("leaves no schema of an event type that is gone in docs/schemas/events", async () => {
    const folder = dirname(generatedDocs.find((page) => page.path.includes("/schemas/events/"))!.path);
    const expected = generatedDocs.filter((page) => dirname(page.path) === folder).map((page) => page.path);
    const written = (await readdir(folder)).map((name) => `${folder}/${name}`);
    expect(written.sort(), "delete the files of types no longer catalogued").toEqual(expected.sort());
  });
});
