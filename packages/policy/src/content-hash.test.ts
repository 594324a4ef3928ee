import { rubricVersion } from "@maturity/model/rubric";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./content-hash.ts";
import { readPolicyText } from "./read.ts";

describe("contentHash", () => {
  it("is the SHA-256 of the canonical JSON, whatever the key order", () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } };
    const b = { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("differs when the content does, list order included", () => {
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it("is the same for one policy written as YAML in another order and as JSON", () => {
    const yaml = readPolicyText(
      `version: 3\nname: acme\n# a comment changes nothing\nextends: builtin@${rubricVersion}\noverrides:\n  - threshold: 1\n    criterion: evaluation.l2.results-recorded\n`,
      "a.yaml",
    );
    const json = readPolicyText(
      `{"name":"acme","extends":"builtin@${rubricVersion}","overrides":[{"criterion":"evaluation.l2.results-recorded","threshold":1}],"version":3}`,
      "a.json",
    );
    expect(yaml.ok && json.ok).toBe(true);
    if (yaml.ok && json.ok) expect(yaml.policy.contentHash).toBe(json.policy.contentHash);
  });
});
