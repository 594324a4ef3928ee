import { exampleEvents } from "@maturity/model";
import { canonicalJson, chainHash, genesisHash } from "@maturity/model/chain";
import { describe, expect, it } from "vitest";
import { ChainFollower, eventLine, parseEventLine } from "./events-file.ts";

const event = exampleEvents[0]!;

describe("events.ndjson lines", () => {
  it("hold a chain link's event in canonical JSON, the text its hash covers", () => {
    const reordered = Object.fromEntries(Object.entries(event).reverse()) as typeof event;
    const link = eventLine({ event: reordered, hash: "a".repeat(64), seq: 1 });
    expect(link).toBe(eventLine({ event, hash: "a".repeat(64), seq: 1 }));
    expect(link).toBe(`{"event":${canonicalJson(event)},"hash":"${"a".repeat(64)}","seq":1}\n`);
    expect(JSON.parse(link)).toEqual({ event, hash: "a".repeat(64), seq: 1 });
  });

  it("hold other events as they came, and read back to the same line", () => {
    const line = eventLine({ event });
    expect(line).toBe(`{"event":${JSON.stringify(event)}}\n`);
    const read = parseEventLine(line.trimEnd());
    expect(read.ok && eventLine(read.line)).toBe(line);
  });

  it("read back what was written and name what is wrong with a bad line", () => {
    const line = eventLine({ event, hash: "b".repeat(64), seq: 2 }).trimEnd();
    expect(parseEventLine(line)).toEqual({ ok: true, line: { event, hash: "b".repeat(64), seq: 2 } });
    expect(parseEventLine("{")).toMatchObject({ ok: false, reason: expect.stringContaining("not JSON") });
    expect(parseEventLine("[]")).toEqual({ ok: false, reason: "expected an object with an event" });
    expect(parseEventLine('{"event":{},"hash":"' + "c".repeat(64) + '"}')).toEqual({
      ok: false,
      reason: "a chain link needs both hash and seq",
    });
    expect(parseEventLine('{"event":{},"hash":"xyz","seq":1}')).toEqual({
      ok: false,
      reason: "hash is not 64 hex digits",
    });
    expect(parseEventLine('{"event":{},"hash":"' + "c".repeat(64) + '","seq":0}')).toMatchObject({
      ok: false,
    });
    expect(parseEventLine('{"event":{},"extra":1}')).toEqual({ ok: false, reason: "unexpected field extra" });
  });

  it("follow the chain as the event store computes it", () => {
    const chain = new ChainFollower();
    const [a, b] = [exampleEvents[0]!, exampleEvents[1]!];
    expect(chain.link(a)).toBe(chainHash(genesisHash, a));
    expect(chain.link(b)).toBe(chainHash(chainHash(genesisHash, a), b));
    expect(chain.length).toBe(2);
  });
});
