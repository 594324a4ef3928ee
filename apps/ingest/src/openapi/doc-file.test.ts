import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openApiDocPath, renderOpenApiFile } from "./doc-file.ts";

describe("docs/openapi.json", () => {
  it("is current", async () => {
    const written = await readFile(openApiDocPath, "utf8").catch(() => "(missing)");
    expect(written, "stale: run `npm run docs -w @maturity/ingest`").toBe(renderOpenApiFile());
  });
});
