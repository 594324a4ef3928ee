import { describe, expect, it } from "vitest";
import { parseTypeMapping } from "./mapping-options.ts";

describe("parseTypeMapping", () => {
  it("reads type=kind pairs", () => {
    expect(parseTypeMapping("ml-model=classical,llm-app=llm")).toEqual({
      "ml-model": "classical",
      "llm-app": "llm",
    });
    expect(parseTypeMapping(" ml-model = classical , , agent=agent ")).toEqual({
      "ml-model": "classical",
      agent: "agent",
    });
    expect(parseTypeMapping("")).toEqual({});
  });

  it("names a malformed pair and the expected form", () => {
    expect(() => parseTypeMapping("ml-model=classical,llm-app")).toThrow(
      /"llm-app" is not a type=kind pair; expected <spec.type>=<classical\|llm\|agent>/,
    );
    expect(() => parseTypeMapping("=llm")).toThrow(/"=llm" is not a type=kind pair/);
    expect(() => parseTypeMapping("a=llm=agent")).toThrow(/"a=llm=agent" is not a type=kind pair/);
  });

  it("names an unknown kind and the kinds there are", () => {
    expect(() => parseTypeMapping("ml-model=deep")).toThrow(
      '"ml-model=deep": unknown kind "deep"; expected classical|llm|agent',
    );
  });

  it("refuses one type given two kinds", () => {
    expect(() => parseTypeMapping("x=llm,x=agent")).toThrow('type "x" is given twice, as llm and as agent');
    expect(parseTypeMapping("x=llm,x=llm")).toEqual({ x: "llm" });
  });
});
