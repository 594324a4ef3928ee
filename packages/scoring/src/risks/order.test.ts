import { execFileSync } from "node:child_process";
import { axes, type Risk } from "@maturity/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRisks, sortedRisks } from "./order.ts";
import { textRanks } from "./text-ranks.ts";

// Few distinct values, so ties at every level (and texts the collator orders unlike code units).
const riskArb: fc.Arbitrary<Risk> = fc.record(
  {
    kind: fc.constantFrom("axis_mismatch", "track_gap", "stale_evidence" as const),
    systemId: fc.constantFrom("sys-10", "sys-9", "Sys-a", "sys-a", "b", "é"),
    team: fc.constantFrom("core", "Core", "search"),
    rank: fc.constantFrom(0, 1.5, 2, 2.25),
    axes: fc.subarray([...axes], { maxLength: 2 }),
    summary: fc.string({ maxLength: 3 }),
    nextUpgrade: fc.constant(""),
    evidence: fc.constant([]),
  },
  { requiredKeys: ["kind", "team", "rank", "summary", "nextUpgrade", "evidence"] },
);

describe("sortedRisks", () => {
  it("orders like a stable sort with compareRisks, ties kept in their order", () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 60 }), (risks) => {
        const expected = [...risks].sort(compareRisks);
        const sorted = sortedRisks(risks);
        expect(sorted).toHaveLength(risks.length);
        sorted.forEach((risk, i) => expect(risk).toBe(expected[i]));
      }),
      { numRuns: 500 },
    );
  });
});

describe("textRanks", () => {
  it("numbers texts so that comparing numbers compares the texts", () => {
    const compare = (a: string, b: string) => a.localeCompare(b);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "B", "b", "ä", "10", "9", ""), { maxLength: 30 }),
        (texts) => {
          const ranks = textRanks(texts, compare);
          for (let i = 0; i < texts.length; i++)
            for (let j = 0; j < texts.length; j++)
              expect(Math.sign((ranks[i] as number) - (ranks[j] as number))).toBe(
                Math.sign(compare(texts[i] as string, texts[j] as string)),
              );
        },
      ),
    );
  });
});

describe("risk order", () => {
  it("is the same whatever the machine's locale", () => {
    const script = `
      const { sortedRisks } = await import(${JSON.stringify(new URL("./order.ts", import.meta.url).href)});
      const risk = (systemId) => ({ kind: "axis_mismatch", systemId, team: "t", rank: 1, summary: "", nextUpgrade: "", evidence: [] });
      console.log(sortedRisks(["zeta", "aardvark", "ab"].map(risk)).map((r) => r.systemId).join(","));`;
    const orderUnder = (locale: string) =>
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
        env: { ...process.env, LANG: locale, LC_ALL: locale },
      }).trim();
    // A Danish collation puts "aa" after "z"; the report's order must not follow the machine.
    expect(orderUnder("da_DK.UTF-8")).toBe("aardvark,ab,zeta");
    expect(orderUnder("C.UTF-8")).toBe("aardvark,ab,zeta");
  });
});
