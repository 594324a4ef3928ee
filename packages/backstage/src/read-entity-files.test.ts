import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readEntityFiles, readEntityText } from "./read-entity-files.ts";
import { fixtureFile, fixtureSubFile, readFixtures } from "./test/fixtures.ts";

const entity = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n`;

describe("readEntityText", () => {
  it("reads every document of a multi-document file, with the line it starts on", () => {
    const text = `# leading comment\n${entity("a")}---\n${entity("b")}---\n# comment\n\n${entity("c")}`;
    const read = readEntityText(text, "catalog-info.yaml");
    expect(read.problems).toEqual([]);
    expect(read.entities.map(({ entity: e, file, line }) => [e.metadata.name, file, line])).toEqual([
      ["a", "catalog-info.yaml", 2],
      ["b", "catalog-info.yaml", 7],
      ["c", "catalog-info.yaml", 14],
    ]);
  });

  it("skips empty documents", () => {
    const read = readEntityText(`---\n${entity("a")}---\n---\n# only a comment\n---\n`, "x.yaml");
    expect(read.entities.map((e) => e.entity.metadata.name)).toEqual(["a"]);
    expect(read.problems).toEqual([]);
  });

  it("reports a syntax error at its file:line:column, naming the entity when it can, and reads the rest", () => {
    const text = `${entity("a")}  owner: [x\n---\n${entity("b")}`;
    const read = readEntityText(text, "bad.yaml");
    expect(read.entities.map((e) => e.entity.metadata.name)).toEqual(["b"]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({
      file: "bad.yaml",
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(read.problems[0]!.reason).toMatch(/^YAML syntax: /);
  });

  it("reports a duplicate key where it is", () => {
    const read = readEntityText(`${entity("a")}kind: Resource\n`, "dup.yaml");
    expect(read.entities).toEqual([]);
    expect(read.problems).toEqual([
      {
        file: "dup.yaml",
        line: 5,
        column: 1,
        entityRef: "resource:default/a",
        reason: expect.stringMatching(/^YAML syntax: Map keys must be unique/),
      },
    ]);
  });

  it("refuses alias bombs", () => {
    const bomb = [
      "a: &a [x, x]",
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [${i === 0 ? "*a, *a" : `*${"b".repeat(i)}, *${"b".repeat(i)}`}]`,
      ),
    ].join("\n");
    const read = readEntityText(bomb, "bomb.yaml");
    expect(read.entities).toEqual([]);
    expect(read.problems[0]).toMatchObject({
      file: "bomb.yaml",
      line: 1,
      reason: expect.stringMatching(/^cannot be read: /),
    });
  });
});

describe("readEntityFiles", () => {
  it("reads the example catalogue, sub-directories included, in name order", async () => {
    const read = await readFixtures();
    expect(read.problems).toEqual([]);
    expect(read.entities.map((e) => [e.file, e.line, e.entity.kind, e.entity.metadata.name])).toEqual([
      [fixtureFile, 2, "Component", "fraud-scorer"],
      [fixtureFile, 25, "Resource", "churn-model"],
      [fixtureFile, 39, "Component", "triage-agent"],
      [fixtureFile, 50, "System", "payments"],
      [fixtureFile, 57, "Group", "ml-platform"],
      [fixtureFile, 65, "User", "jane"],
      [fixtureFile, 72, "Component", "marketing-site"],
      [fixtureFile, 82, "Component", "support-assistant"],
      [fixtureFile, 93, "Component", "broken scorer"],
      [fixtureSubFile, 1, "Component", "search-ranker"],
      [fixtureSubFile, 14, "Template", "new-ml-service"],
    ]);
  });

  describe("in a directory", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "backstage-files-"));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("reads *.yaml and *.yml, skipping node_modules, dot-folders and other files", async () => {
      const files: Record<string, string> = {
        "b.yaml": entity("b"),
        "a.yml": entity("a"),
        "z/c.yaml": entity("c"),
        "notes.txt": entity("txt"),
        "catalog.json": entity("json"),
        "node_modules/pkg/catalog-info.yaml": entity("dep"),
        ".github/catalog-info.yaml": entity("hidden"),
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(dir, path, ".."), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const read = await readEntityFiles([dir]);
      expect(read.entities.map((e) => [e.file, e.entity.metadata.name])).toEqual([
        [join(dir, "a.yml"), "a"],
        [join(dir, "b.yaml"), "b"],
        [join(dir, "z/c.yaml"), "c"],
      ]);
    });

    it("reads a file named directly whatever its name, and once however often it is named", async () => {
      await writeFile(join(dir, "catalog.txt"), entity("t"));
      await writeFile(join(dir, "a.yaml"), entity("a"));
      const read = await readEntityFiles([join(dir, "catalog.txt"), dir, join(dir, "a.yaml")]);
      expect(read.entities.map((e) => e.entity.metadata.name)).toEqual(["t", "a"]);
    });

    it("reports a path that does not exist, and reads the others", async () => {
      await writeFile(join(dir, "a.yaml"), entity("a"));
      const missing = join(dir, "missing.yaml");
      const read = await readEntityFiles([missing, dir]);
      expect(read.entities.map((e) => e.entity.metadata.name)).toEqual(["a"]);
      expect(read.problems).toEqual([
        { file: missing, reason: expect.stringMatching(/^cannot be read: ENOENT/) },
      ]);
    });
  });
});
