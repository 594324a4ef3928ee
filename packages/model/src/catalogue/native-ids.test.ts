import { describe, expect, it } from "vitest";
import { eventDataSchemas, type MaturityEvent } from "../events/index.ts";
import {
  claimedNativeIds,
  formatNativeId,
  isUnmappedSubject,
  kindOfSourcesKey,
  nativeIdFormat,
  nativeIdKindNames,
  nativeIdKinds,
  nativeIdOfSubject,
  nativeIdsOfSources,
  parseNativeId,
  readdressed,
  routeEvent,
  sourcesKeyOf,
  sourcesKeys,
  sourcesOf,
  systemIdOf,
  unmappedSubject,
  type NativeId,
} from "./native-ids.ts";

// One id of every kind, with characters real ids have (slashes, colons, dots).
const everyKind: NativeId[] = [
  { kind: "repo", id: "org/fraud-model" },
  { kind: "registryModel", id: "fraud:xgb.v2" },
  { kind: "service", id: "checkout-api" },
  { kind: "gpuQueue", id: "risk-training" },
];

function pipelineRun(id: string, subject: string): MaturityEvent {
  return {
    specversion: "1.0",
    id,
    source: "ci://test",
    type: "ci.pipeline.completed",
    time: "2026-11-01T00:00:00Z",
    subject,
    data: { pipeline: "training", status: "succeeded", trigger: "schedule" },
  } as MaturityEvent;
}

describe("native id kinds, declared once", () => {
  it("covers exactly the four kinds, each with its own sources key and a label", () => {
    expect(nativeIdKindNames).toEqual(["repo", "registryModel", "service", "gpuQueue"]);
    expect(everyKind.map((ref) => ref.kind)).toEqual(nativeIdKindNames);
    expect(new Set(sourcesKeys).size).toBe(nativeIdKindNames.length);
    for (const kind of nativeIdKindNames) expect(nativeIdKinds[kind].label).not.toBe("");
  });

  it("maps kinds to sources keys and back (the inverse derived, not listed)", () => {
    expect(nativeIdKindNames.map(sourcesKeyOf)).toEqual(["repos", "registryModels", "services", "gpuQueues"]);
    for (const kind of nativeIdKindNames) expect(kindOfSourcesKey(sourcesKeyOf(kind))).toBe(kind);
    expect(kindOfSourcesKey("toString")).toBeUndefined();
    expect(kindOfSourcesKey("repo")).toBeUndefined();
  });

  it("is what the catalogue event's sources accept, key by key", () => {
    const schema = eventDataSchemas["catalog.system.updated"];
    for (const key of sourcesKeys) {
      expect(schema.safeParse({ sources: { [key]: ["x"] } }).success).toBe(true);
      expect(schema.safeParse({ sources: { [key]: [""] } }).success).toBe(false);
    }
    const parsed = schema.parse({ sources: sourcesOf(everyKind) });
    expect(nativeIdsOfSources(parsed.sources)).toEqual(everyKind.map(formatNativeId));
  });
});

describe("text forms", () => {
  it.each(everyKind.map((ref) => [ref.kind, ref] as const))("formats and parses a %s id", (_, ref) => {
    const text = formatNativeId(ref);
    expect(text).toBe(`${ref.kind}:${ref.id}`);
    expect(parseNativeId(text)).toEqual(ref);
    const subject = unmappedSubject(ref);
    expect(subject).toBe(`unmapped:${text}`);
    expect(unmappedSubject(text)).toBe(subject);
    expect(isUnmappedSubject(subject)).toBe(true);
    expect(nativeIdOfSubject(subject)).toBe(text);
  });

  it("refuses what is not a native id", () => {
    for (const text of ["", "repo", "repo:", ":x", "repos:org/x", "unmapped:repo:x", "toString:x"])
      expect(parseNativeId(text), text).toBeUndefined();
    expect(nativeIdOfSubject("fraud-scoring")).toBeUndefined();
    expect(isUnmappedSubject("fraud-scoring")).toBe(false);
    expect(nativeIdFormat).toBe("<repo|registryModel|service|gpuQueue>:<id>");
  });

  it("reads the ids a catalogue entry claims, of every kind", () => {
    const registered = {
      specversion: "1.0",
      id: "reg",
      source: "catalog://admin",
      type: "catalog.system.registered",
      time: "2026-11-01T00:00:00Z",
      subject: "fraud-scoring",
      data: {
        name: "Fraud",
        team: "risk",
        kind: "classical",
        riskTier: "high",
        sources: sourcesOf(everyKind),
      },
    } as MaturityEvent;
    expect(claimedNativeIds(registered)).toEqual(everyKind.map(formatNativeId));
    expect(claimedNativeIds({ ...registered, type: "catalog.system.updated" } as MaturityEvent)).toEqual(
      everyKind.map(formatNativeId),
    );
    expect(claimedNativeIds(pipelineRun("run", "fraud-scoring"))).toEqual([]);
    expect(sourcesOf([everyKind[0]!, { kind: "repo", id: "org/other" }])).toEqual({
      repos: ["org/fraud-model", "org/other"],
    });
  });
});

describe("routing events to systems", () => {
  const mappings = new Map(everyKind.map((ref) => [formatNativeId(ref), "fraud-scoring"]));

  it("keeps a system's own events as they are", () => {
    const own = pipelineRun("own", "fraud-scoring");
    expect(systemIdOf("fraud-scoring", mappings)).toBe("fraud-scoring");
    expect(routeEvent(own, mappings)).toBe(own);
    expect(routeEvent(own, new Map())).toBe(own);
  });

  it.each(everyKind.map((ref) => [ref.kind, ref] as const))(
    "re-addresses the events of a mapped %s id to its system",
    (_, ref) => {
      const event = pipelineRun(`run-${ref.kind}`, unmappedSubject(ref));
      expect(systemIdOf(event.subject, mappings)).toBe("fraud-scoring");
      const routed = routeEvent(event, mappings)!;
      expect(routed).toEqual({ ...event, subject: "fraud-scoring" });
      expect(event.subject).toBe(unmappedSubject(ref)); // the stored event is left alone
      // A lookup function routes the same as a map.
      expect(routeEvent(event, (text) => mappings.get(text))).toEqual(routed);
    },
  );

  it("holds back unmapped events until a mapping names their id, then folds them in", () => {
    const waiting = everyKind.map((ref) => pipelineRun(`run-${ref.kind}`, unmappedSubject(ref)));
    const later = new Map<string, string>();
    expect(waiting.map((event) => routeEvent(event, later))).toEqual(waiting.map(() => undefined));
    // A mapping added later: the events waiting for that id (and only those) now route.
    later.set(formatNativeId(everyKind[1]!), "fraud-scoring");
    expect(waiting.map((event) => routeEvent(event, later)?.subject)).toEqual([
      undefined,
      "fraud-scoring",
      undefined,
      undefined,
    ]);
    for (const ref of everyKind) later.set(formatNativeId(ref), "fraud-scoring");
    expect(waiting.map((event) => routeEvent(event, later)?.subject)).toEqual(
      waiting.map(() => "fraud-scoring"),
    );
  });

  it("treats an empty system id as no mapping, and leaves unknown unmapped ids waiting", () => {
    expect(systemIdOf("unmapped:repo:org/x", () => "")).toBeUndefined();
    expect(systemIdOf("unmapped:nonsense", mappings)).toBeUndefined();
    expect(readdressed(pipelineRun("r", "unmapped:repo:x"), "s").subject).toBe("s");
  });
});
