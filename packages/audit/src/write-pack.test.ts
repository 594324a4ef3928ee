import { spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, verify } from "node:crypto";
import { fileURLToPath } from "node:url";
import { PassThrough } from "node:stream";
import { axes } from "@maturity/model";
import type { SystemReport } from "@maturity/model";
import { chainHash, genesisHash } from "@maturity/model/chain";
import { builtinPolicy } from "@maturity/policy";
import { scoreEvents } from "@maturity/scoring";
import { describe, expect, it } from "vitest";
import { NoEvidenceError } from "./basis.ts";
import { clauseIndex } from "./clause-index.ts";
import { StoredChainError } from "./events-pass.ts";
import { computedHistoryWeeks } from "./history.ts";
import type { Manifest } from "./manifest.ts";
import { sha256Hex } from "./pack-files.ts";
import {
  asOf,
  asOfIso,
  fixtureEvents,
  listSource,
  packOptions,
  storedSource,
  systemId,
} from "./test/fixture.ts";
import { buildPack, json, text, unpack } from "./test/pack.ts";
import { writeAuditPack } from "./write-pack.ts";

const own = fixtureEvents.filter((e) => e.subject === systemId && e.type !== "llm.call.completed");

describe("writeAuditPack", () => {
  it("gives the same bytes for the same inputs", async () => {
    const first = await buildPack(listSource(fixtureEvents), packOptions());
    const second = await buildPack(listSource(fixtureEvents), packOptions());
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
    const stored = await buildPack(storedSource(fixtureEvents), packOptions());
    const storedAgain = await buildPack(storedSource(fixtureEvents), packOptions());
    expect(Buffer.from(storedAgain.zip).equals(Buffer.from(stored.zip))).toBe(true);
  });

  it("writes the same bytes to a slow stream as to a function", async () => {
    const { zip } = await buildPack(listSource(fixtureEvents), packOptions());
    const stream = new PassThrough({ highWaterMark: 64 });
    const received: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => received.push(chunk));
    const result = await writeAuditPack(listSource(fixtureEvents), packOptions(), stream);
    stream.end();
    expect(result.bytes).toBe(zip.length);
    expect(Buffer.concat(received).equals(Buffer.from(zip))).toBe(true);
  });

  it("holds the files in name order and records the hash of each in the manifest", async () => {
    const { zip, result } = await buildPack(listSource(fixtureEvents), packOptions());
    const files = unpack(zip);
    expect([...files.keys()]).toEqual([
      "clauses.json",
      "cyclonedx.json",
      "events.ndjson",
      "history.json",
      "manifest.json",
      "policy.json",
      "report.html",
      "report.json",
    ]);
    const manifest = json<Manifest>(files, "manifest.json");
    for (const [name, content] of files)
      if (name !== "manifest.json") expect(manifest.files[name], name).toBe(sha256Hex(content));
    expect(Object.keys(manifest.files)).toHaveLength(files.size - 1);
    expect(result.manifestSha256).toBe(sha256Hex(files.get("manifest.json")!));
    expect(result.bytes).toBe(zip.length);
  });

  it("records the system, its owner, the rules, the generator and the event range", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const manifest = json<Manifest>(files, "manifest.json");
    expect(manifest.system).toMatchObject({
      id: systemId,
      name: "Fraud scoring",
      team: "risk",
      kind: "classical",
      riskTier: "high",
      owner: { owner: "jane.doe", eventId: "gov-0001" },
      nativeIds: ["repo:acme/fraud-scoring"],
    });
    expect(manifest.asOf).toBe(new Date(asOfIso).toISOString());
    expect(manifest.policy).toMatchObject({
      kind: "builtin",
      rubricVersion: builtinPolicy().rubricVersion,
      contentHash: builtinPolicy().contentHash,
    });
    expect(manifest.generator).toBe("@maturity/audit tests");
    expect(manifest.signed).toBe(false);
    expect(manifest.signature).toBeNull();
    expect(json(files, "policy.json")).toEqual(builtinPolicy().document);
    const lines = text(files.get("events.ndjson")).trimEnd().split("\n");
    expect(manifest.events.count).toBe(lines.length);
    expect(manifest.events.first).toBe("2026-01-02T09:00:00.000Z"); // the GPU queue's configuration
  });

  it("holds the system's chain up to its last event at or before asOf, hashed as the store hashes it", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const manifest = json<Manifest>(files, "manifest.json");
    const lines = text(files.get("events.ndjson"))
      .trimEnd()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            event: { id: string; subject: string; time: string };
            hash?: string;
            seq?: number;
          },
      );
    const lastInScope = own.findLastIndex((e) => Date.parse(e.time) <= asOf);
    const prefix = own.slice(0, lastInScope + 1);
    let head = genesisHash;
    for (const event of prefix) head = chainHash(head, event);
    expect(manifest.chain).toEqual({ head, length: prefix.length, hashes: "computed" });
    const chained = lines.filter((line) => line.hash !== undefined);
    expect(chained.map((line) => line.event.id)).toEqual(prefix.map((e) => e.id));
    expect(chained.map((line) => line.seq)).toEqual(prefix.map((_, i) => i + 1));
    // The revocation (15 April) is stored before events dated earlier, so the chain runs through it.
    expect(chained.some((line) => line.event.id === "gov-0011")).toBe(true);
    expect(manifest.events.afterAsOf).toBeGreaterThanOrEqual(1);
    const ids = lines.map((line) => line.event.id);
    expect(ids).toContain("ci-native-0001"); // the claimed repository's event
    expect(ids).toContain("span-fraud-0001"); // its telemetry, unchained
    expect(ids).toContain("gpu-0001"); // the GPU queue's configuration
    expect(ids).not.toContain("ci-other-0001"); // another repository's
    expect(ids).not.toContain("span-fraud-late"); // telemetry after asOf
    for (const other of fixtureEvents.filter((e) => e.subject === "support-assistant"))
      expect(ids).not.toContain(other.id); // another system's
    for (const line of lines.filter((l) => l.hash === undefined))
      expect(Date.parse(line.event.time)).toBeLessThanOrEqual(asOf);
  });

  it("counts a repeated event once, as the store keeps it once", async () => {
    const repeated = [...fixtureEvents, ...fixtureEvents.filter((e) => e.subject === systemId).slice(0, 5)];
    const once = await buildPack(listSource(fixtureEvents), packOptions());
    const twice = await buildPack(listSource(repeated), packOptions());
    expect(Buffer.from(twice.zip).equals(Buffer.from(once.zip))).toBe(true);
    // A source that says it never repeats an event is taken at its word, and gives the same pack.
    const distinct = await buildPack({ ...listSource(fixtureEvents), distinct: true }, packOptions());
    expect(Buffer.from(distinct.zip).equals(Buffer.from(once.zip))).toBe(true);
  });

  it("takes the store's hashes as they are and refuses a stored chain that does not hold", async () => {
    const fromFile = json<Manifest>(
      unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip),
      "manifest.json",
    );
    const stored = json<Manifest>(
      unpack((await buildPack(storedSource(fixtureEvents), packOptions())).zip),
      "manifest.json",
    );
    expect(stored.chain).toEqual({ ...fromFile.chain, hashes: "stored" });
    const broken = writeAuditPack(storedSource(fixtureEvents, { tamper: 3 }), packOptions(), () => undefined);
    await expect(broken).rejects.toThrow(StoredChainError);
    await expect(
      writeAuditPack(storedSource(fixtureEvents, { tamper: 3 }), packOptions(), () => undefined),
    ).rejects.toThrow(`does not hold at link 3 (event ${own[2]!.source} / ${own[2]!.id})`);
  });

  it("scores the system as `maturity score` would, and its clause index agrees with that report", async () => {
    const files = unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip);
    const packed = json<{ report: SystemReport; rubricVersion: string }>(files, "report.json");
    const scored = scoreEvents(
      fixtureEvents.map((e) =>
        e.subject === "unmapped:repo:acme/fraud-scoring" ? { ...e, subject: systemId } : e,
      ),
      { asOf },
    ).systems.find((s) => s.systemId === systemId)!;
    expect(packed.report).toEqual(JSON.parse(JSON.stringify(scored)));
    expect(packed.report.waivers?.map((w) => w.criterionId)).toEqual(["deployment.l3.canary-or-shadow"]);
    const clauses = json<{ clauses: unknown; systemId: string; asOf: string; rubricVersion: string }>(
      files,
      "clauses.json",
    );
    expect(clauses).toMatchObject({
      systemId,
      asOf: new Date(asOf).toISOString(),
      rubricVersion: packed.rubricVersion,
    });
    expect(clauses.clauses).toEqual(clauseIndex(scored, builtinPolicy().rubric));
    const statuses = new Map(axes.flatMap((axis) => scored.axes[axis].criteria.map((c) => [c.id, c.status])));
    for (const entry of clauses.clauses as ReturnType<typeof clauseIndex>)
      for (const c of entry.criteria) expect(c.status).toBe(statuses.get(c.criterionId) ?? "not_applicable");
  });

  it("computes a weekly history from a file and keeps the store's up to asOf", async () => {
    const fromFile = json<{ source: string; points: { at: string; axis: string }[] }>(
      unpack((await buildPack(listSource(fixtureEvents), packOptions())).zip),
      "history.json",
    );
    expect(fromFile.source).toBe("computed");
    const times = [...new Set(fromFile.points.map((p) => p.at))];
    expect(times.length).toBeLessThanOrEqual(computedHistoryWeeks);
    expect(times.at(-1)).toBe(new Date(asOf).toISOString());
    expect(Date.parse(times[1]!) - Date.parse(times[0]!)).toBe(7 * 86_400_000);
    const point = {
      axis: "governance",
      score: 2,
      level: 2,
      rubricVersion: "r",
      cause: "events",
      causeEventId: "x",
    };
    const history = [
      { ...point, at: "2026-03-01T00:00:00Z", id: 1, systemId },
      { ...point, at: "2026-05-01T00:00:00Z", id: 2, systemId },
    ];
    const manifest = json<Manifest>(
      unpack((await buildPack(listSource(fixtureEvents, history), packOptions())).zip),
      "manifest.json",
    );
    expect(manifest.history.source).toBe("store");
    const stored = json<{ points: unknown[] }>(
      unpack((await buildPack(listSource(fixtureEvents, history), packOptions())).zip),
      "history.json",
    );
    expect(stored.points).toEqual([{ ...point, at: "2026-03-01T00:00:00.000Z" }]);
  });

  it("signs the manifest with the key given, and says whose it is", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const { zip, result } = await buildPack(
      listSource(fixtureEvents),
      packOptions({ signingKey: privateKey }),
    );
    const files = unpack(zip);
    const fingerprint = createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex");
    expect(result.fingerprint).toBe(fingerprint);
    expect(verify(null, files.get("manifest.json")!, publicKey, files.get("manifest.sig")!)).toBe(true);
    expect(text(files.get("signing-key.pub.pem"))).toBe(publicKey.export({ type: "spki", format: "pem" }));
    const manifest = json<Manifest>(files, "manifest.json");
    expect(manifest.signed).toBe(true);
    expect(manifest.signature?.fingerprint).toBe(fingerprint);
    expect(manifest.files["signing-key.pub.pem"]).toBe(sha256Hex(files.get("signing-key.pub.pem")!));
    expect(manifest.files["manifest.sig"]).toBeUndefined();
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const again = await buildPack(listSource(fixtureEvents), packOptions({ signingKey: pem }));
    expect(Buffer.from(again.zip).equals(Buffer.from(zip))).toBe(true); // Ed25519 signatures are deterministic
  });

  it("stops its deflating thread when a pack fails part-way, so the process can end", () => {
    // In a process of its own: one that ends by itself has no thread left behind.
    const script = fileURLToPath(new URL("./test/failing-pack.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.signal, "the process did not end by itself").toBeNull();
    expect(run.stdout).toContain("StoredChainError");
    expect(run.status).toBe(0);
  });

  it("refuses a key that is not an Ed25519 private key, before writing anything", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    let written = 0;
    await expect(
      writeAuditPack(
        listSource(fixtureEvents),
        packOptions({ signingKey: privateKey }),
        () => void written++,
      ),
    ).rejects.toThrow("is an rsa key; audit packs are signed with Ed25519");
    await expect(
      writeAuditPack(
        listSource(fixtureEvents),
        packOptions({ signingKey: "not a key" }),
        () => void written++,
      ),
    ).rejects.toThrow("the signing key is not a readable private key in PEM");
    expect(written).toBe(0);
  });

  it("names a system without events at or before asOf", async () => {
    await expect(
      writeAuditPack(
        listSource(fixtureEvents),
        packOptions({ asOf: Date.parse("2025-01-01T00:00:00Z") }),
        () => undefined,
      ),
    ).rejects.toThrow(NoEvidenceError);
  });
});
