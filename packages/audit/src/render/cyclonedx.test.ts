import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { axes } from "@maturity/model";
import { builtinPolicy } from "@maturity/policy";
import { describe, expect, it } from "vitest";
import { clauseIndex } from "../clause-index.ts";
import { fixtureEvents, listSource, packOptions, systemId } from "../test/fixture.ts";
import { buildPack, json, text, unpack } from "../test/pack.ts";

type Bom = {
  serialNumber: string;
  metadata: {
    timestamp: string;
    component: { type: string; "bom-ref": string; properties: { name: string; value: string }[] };
  };
  declarations: {
    claims: { "bom-ref": string; target: string; evidence: string[] }[];
    evidence: { "bom-ref": string }[];
    attestations: {
      map: {
        requirement: string;
        claims: string[];
        counterClaims: string[];
        conformance: { score?: number };
      }[];
    }[];
  };
  definitions: { standards: { name: string; requirements: { "bom-ref": string; identifier: string }[] }[] };
};

describe("cyclonedx.json", () => {
  it("validates against the official CycloneDX 1.6 JSON schema", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
    const bom = text(files.get("cyclonedx.json"));
    expect(await validator.validate(bom)).toBeNull();
    // The validator is not vacuous: a field the schema lacks is refused.
    expect(await validator.validate(JSON.stringify({ ...JSON.parse(bom), assessment: "ok" }))).not.toBeNull();
  });

  it("describes the system as a machine-learning model with what the events know", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const bom = json<Bom>(files, "cyclonedx.json");
    expect(bom.metadata.timestamp).toBe("2026-04-01T00:00:00.000Z");
    expect(bom.metadata.component.type).toBe("machine-learning-model");
    const properties = Object.fromEntries(bom.metadata.component.properties.map((p) => [p.name, p.value]));
    expect(properties["maturity:owner"]).toBe("jane.doe");
    expect(properties["maturity:riskTier"]).toBe("high");
  });

  it("claims every criterion with its evidence and maps every cited clause to those claims", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const bom = json<Bom>(files, "cyclonedx.json");
    const report = json<{ report: Parameters<typeof clauseIndex>[0] }>(files, "report.json").report;
    const criteria = axes.flatMap((axis) => report.axes[axis].criteria);
    expect(bom.declarations.claims.map((c) => c["bom-ref"])).toEqual(criteria.map((c) => `claim:${c.id}`));
    for (const claim of bom.declarations.claims) expect(claim.target).toBe(`system:${systemId}`);
    const evidence = new Set(bom.declarations.evidence.map((e) => e["bom-ref"]));
    for (const claim of bom.declarations.claims)
      for (const ref of claim.evidence) expect(evidence.has(ref)).toBe(true);

    const index = clauseIndex(report, builtinPolicy().rubric);
    const maps = bom.declarations.attestations[0]!.map;
    expect(maps).toHaveLength(index.length);
    const requirements = new Set(
      bom.definitions.standards.flatMap((s) => s.requirements.map((r) => r["bom-ref"])),
    );
    for (const [i, entry] of index.entries()) {
      const map = maps[i]!;
      expect(requirements.has(map.requirement)).toBe(true);
      const holding = entry.criteria.filter((c) => c.status === "met" || c.status === "waived");
      expect(map.claims).toEqual(holding.map((c) => `claim:${c.criterionId}`));
      const applying = entry.criteria.filter((c) => c.status !== "not_applicable").length;
      if (applying > 0) expect(map.conformance.score).toBeCloseTo(holding.length / applying, 4);
    }
    expect(bom.definitions.standards.map((s) => s.name)).toEqual([
      "EU AI Act",
      "NIST AI RMF",
      "ISO/IEC 42001",
    ]);
  });

  it("takes its serial number from the inputs: the same inputs give the same one", async () => {
    const serial = async (source: ReturnType<typeof listSource>, asOf?: number) =>
      json<Bom>(
        unpack((await buildPack(source, packOptions(asOf === undefined ? {} : { asOf }))).zip),
        "cyclonedx.json",
      ).serialNumber;
    const first = await serial(listSource(fixtureEvents));
    expect(first).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await serial(listSource(fixtureEvents))).toBe(first);
    expect(await serial(listSource(fixtureEvents), Date.parse("2026-03-15T00:00:00Z"))).not.toBe(first);
    const withoutOne = fixtureEvents.filter((e) => e.id !== "gov-0006");
    expect(await serial(listSource(withoutOne))).not.toBe(first);
  });
});
