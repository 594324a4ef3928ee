import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs install script without types
import { driverFiles, guardMarker } from "../scripts/patch-postgres-driver.mjs";

describe("the postgres driver as installed", () => {
  it("carries the guard that keeps a database restart from crashing the process", () => {
    const files = driverFiles() as string[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, "utf8"), file).toContain(guardMarker as string);
  });
});
