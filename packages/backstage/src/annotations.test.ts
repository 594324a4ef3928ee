import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { annotationDocs } from "./annotations.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's annotation table", () => {
  it("lists every annotation the import reads", () => {
    for (const { name } of annotationDocs) expect(readme).toContain(`\`${name}\``);
  });

  it("lists no maturity.dev annotation the import does not read", () => {
    const known = new Set(annotationDocs.map((doc) => doc.name));
    const mentioned = [...readme.matchAll(/maturity\.dev\/[a-z-]+/g)].map((match) => match[0]);
    expect(mentioned.filter((name) => !known.has(name))).toEqual([]);
  });
});
