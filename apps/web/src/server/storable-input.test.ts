// Text the store cannot hold (NUL, an unpaired surrogate) in a portal input is bad input for every
// procedure, named by its field: it never reaches a query, where the database would fail the
// request with a 500. The procedures are read from the router, so a new one is covered as it lands.
import { suiteDatabase } from "@maturity/db/testing/suite";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "./router.ts";
import { createCallerFactory, createInnerContext } from "./trpc.ts";

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
);

/** Calls a procedure by its dotted path, as the HTTP handler would; a subscription is read once. */
async function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let target = caller as Record<string, unknown>;
  for (const part of path.split(".")) target = target[part] as Record<string, unknown>;
  const result = await (target as unknown as (input: unknown) => Promise<unknown>)(input);
  if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
    await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
  }
  return result;
}

describe("text the store cannot hold, in any portal input", () => {
  const store = suiteDatabase("pglite");

  it("the router has procedures of every kind to try", () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(new Set(procedures.map(([, procedure]) => procedure._def.type))).toEqual(
      new Set(["query", "mutation", "subscription"]),
    );
  });

  it.each([
    ["a NUL", "team-\u0000", /NUL/],
    ["an unpaired surrogate", "team-\ud800", /unpaired/],
  ])("%s is refused as bad input by every procedure, naming the field", async (_what, text, reason) => {
    const caller = createCallerFactory(appRouter)(createInnerContext({ db: store().db }));
    for (const [path] of procedures) {
      const outcome = await callByPath(caller, path, { scope: { teams: ["ok", text] } }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(outcome, path).toBeInstanceOf(TRPCError);
      expect((outcome as TRPCError).code, path).toBe("BAD_REQUEST");
      expect((outcome as TRPCError).message, path).toMatch(/^input\.scope\.teams\[1\]: /);
      expect((outcome as TRPCError).message, path).toMatch(reason);
    }
  });
});
