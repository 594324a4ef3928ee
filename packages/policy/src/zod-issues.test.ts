// readableIssues on a small schema shaped like the alerts file's (a record of destinations holding
// credentials, a list of discriminated rules): the wording the alerts file relies on, and the
// credentials it must never repeat. Policy and rubric files are covered by read.test.ts.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatPath } from "./errors.ts";
import { readableIssues, type ReadableIssueOptions } from "./zod-issues.ts";

const schema = z.strictObject({
  destinations: z.record(
    z.string().regex(/^[a-z]+$/, "expected lower-case letters"),
    z.discriminatedUnion("type", [
      z.strictObject({ type: z.literal("webhook"), url: z.string().min(1), secret: z.string().max(10) }),
      z.strictObject({ type: z.literal("slack"), url: z.string().min(1) }),
    ]),
  ),
  rules: z.array(
    z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("drop"), minDrop: z.int().min(1), link: z.url().optional() }),
      z.strictObject({ kind: z.literal("gap"), by: z.number().gt(0) }),
    ]),
  ),
});

const secretFields: ReadableIssueOptions = { secretFields: ["url", "secret"] };

function messages(document: unknown, options: ReadableIssueOptions = {}): string[] {
  const parsed = schema.safeParse(document, { reportInput: true });
  if (parsed.success) return [];
  return readableIssues(parsed.error.issues, schema, document, options).map(
    (issue) => `${formatPath(issue.path)}${issue.atKey === true ? " (key)" : ""}: ${issue.message}`,
  );
}

describe("readableIssues", () => {
  it("says what was expected and what was written", () => {
    expect(
      messages({
        destinations: { ops: { type: "teams" } },
        rules: [
          { kind: "drop", minDrop: 0.5, link: "not a link" },
          { kind: "gap", by: 0, extra: true },
        ],
      }),
    ).toEqual([
      'destinations.ops.type: expected one of webhook, slack (got "teams")',
      "rules[0].minDrop: expected a whole number (got 0.5)",
      'rules[0].link: expected text in the form url (got "not a link")',
      "rules[1].by: must be more than 0 (got 0)",
      "rules[1].extra (key): unknown field; the fields here are kind, by",
    ]);
  });

  it("says a missing field or discriminator is missing, whole numbers included", () => {
    expect(messages({ destinations: {}, rules: [{ minDrop: 1 }, { kind: "drop" }] })).toEqual([
      "rules[0].kind: missing: expected one of drop, gap",
      "rules[1].minDrop: missing: expected a whole number",
    ]);
  });

  it("points at a bad key with its own schema's message", () => {
    expect(messages({ destinations: { "the ops": { type: "slack", url: "u" } }, rules: [] })).toEqual([
      'destinations["the ops"] (key): expected lower-case letters',
    ]);
  });

  describe("with secretFields", () => {
    const leaks = [
      { destinations: { ops: { type: "webhook", url: "", secret: "whsec_leaked-secret" } }, rules: [] },
      { destinations: { ops: { type: "webhook", url: ["https://leaked"], secret: 42 } }, rules: [] },
      // A destination, or all of them, written as the credential itself.
      { destinations: { ops: "https://hooks.example/leaked" }, rules: [] },
      { destinations: "https://hooks.example/leaked", rules: [] },
    ];

    it("never repeats what is written in them, or where a map holding them belongs", () => {
      expect(leaks.map((document) => messages(document, secretFields))).toEqual([
        [
          "destinations.ops.url: must not be empty",
          "destinations.ops.secret: must be at most 10 characters long",
        ],
        ["destinations.ops.url: expected text", "destinations.ops.secret: expected text"],
        ["destinations.ops: expected a map"],
        ["destinations: expected a map"],
      ]);
      expect(JSON.stringify(leaks.map((document) => messages(document, secretFields)))).not.toContain(
        "leaked",
      );
    });

    it("repeats everything else as before", () => {
      const document = {
        destinations: { ops: { type: "teams", url: "https://hooks.example/x" } },
        rules: [{ kind: "drop", minDrop: 0 }],
      };
      expect(messages(document, secretFields)).toEqual(messages(document));
      expect(messages(document, secretFields)).toEqual([
        'destinations.ops.type: expected one of webhook, slack (got "teams")',
        "rules[0].minDrop: must be at least 1 (got 0)",
      ]);
    });

    it("without them, the values are shown", () => {
      expect(messages(leaks[2])).toEqual([
        'destinations.ops: expected a map (got "https://hooks.example/leaked")',
      ]);
    });
  });
});
