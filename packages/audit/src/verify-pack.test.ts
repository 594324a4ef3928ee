import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "./manifest.ts";
import { fixtureEvents, listSource, packOptions, storedSource } from "./test/fixture.ts";
import { buildPack, bytes, editEvents, json, rehash, repack, text, unpack } from "./test/pack.ts";
import { verifyAuditPack } from "./verify-pack.ts";

const generator = "@maturity/audit tests";
const pem = (key: KeyObject) => key.export({ type: "spki", format: "pem" }).toString();

let unsigned: Uint8Array;
let signed: Uint8Array;
let keys: { privateKey: KeyObject; publicKey: KeyObject };

beforeAll(async () => {
  keys = generateKeyPairSync("ed25519");
  unsigned = (await buildPack(listSource(fixtureEvents), packOptions())).zip;
  signed = (await buildPack(storedSource(fixtureEvents), packOptions({ signingKey: keys.privateKey }))).zip;
});

async function failure(
  zip: Uint8Array,
  options: Parameters<typeof verifyAuditPack>[1] = {},
): Promise<string> {
  const result = await verifyAuditPack(zip, options);
  if (result.ok) throw new Error("expected the pack to fail verification");
  return result.failure;
}

/** A byte of the file's content changed (the last one that is not a newline). */
function flipped(content: Uint8Array): Uint8Array {
  const out = new Uint8Array(content);
  let at = out.length - 1;
  while (at > 0 && (out[at] === 0x0a || out[at] === 0x7d || out[at] === 0x2d)) at--;
  out[at] = out[at]! ^ 0x01;
  return out;
}

describe("verifyAuditPack", () => {
  it("passes a pack as written, saying what it checked", async () => {
    const result = await verifyAuditPack(unsigned, { generator });
    expect(result.ok, result.ok ? "" : result.failure).toBe(true);
    if (!result.ok) return;
    expect(result.signedBy).toBeUndefined();
    expect(result.checked.join("\n")).toMatch(/signature: none; the pack is unsigned/);
    expect(result.checked.join("\n")).toMatch(/files: all 7 match/);
    expect(result.checked.join("\n")).toMatch(/chain: 30 link\(s\) re-hashed from genesis/);
    expect(result.checked.join("\n")).toMatch(/re-scoring events.ndjson .* gives report.json exactly/);
    expect(result.checked.join("\n")).toMatch(/report.html, cyclonedx.json: rendered again/);
  });

  it("checks a signed pack with the enclosed key, or with the key given", async () => {
    const enclosed = await verifyAuditPack(signed);
    expect(enclosed.ok, enclosed.ok ? "" : enclosed.failure).toBe(true);
    if (enclosed.ok) {
      expect(enclosed.keyFrom).toBe("enclosed");
      expect(enclosed.checked[0]).toMatch(/by the key enclosed in the pack .* give --public-key/);
    }
    const given = await verifyAuditPack(signed, { publicKey: pem(keys.publicKey) });
    expect(given.ok).toBe(true);
    if (given.ok) {
      expect(given.keyFrom).toBe("given");
      expect(given.signedBy).toMatch(/^[0-9a-f]{64}$/);
      expect(given.checked[0]).toContain(`by the given public key ${given.signedBy}`);
      expect(given.checked.join("\n")).toMatch(/checked by hash only/); // no generator given
    }
  });

  it("fails naming the file when any byte of any file changes", async () => {
    for (const pack of [unsigned, signed]) {
      const files = unpack(pack);
      for (const name of files.keys()) {
        const changed = new Map(files);
        changed.set(name, flipped(files.get(name)!));
        const message = await failure(await repack(changed));
        if (name === "manifest.json")
          expect(message, name).toMatch(pack === signed ? /manifest.sig does not verify/ : /manifest.json/);
        else if (name === "manifest.sig") expect(message, name).toMatch(/manifest.sig does not verify/);
        else if (name === "signing-key.pub.pem") expect(message, name).toMatch(/signing-key.pub.pem/);
        else expect(message, name).toMatch(new RegExp(`^${name.replace(".", "\\.")}: its SHA-256 is`));
      }
    }
  });

  it("fails on a zip whose bytes were damaged", async () => {
    const damaged = new Uint8Array(unsigned);
    const at = Math.floor(damaged.length / 3);
    damaged[at] = damaged[at]! ^ 0xff;
    const result = await verifyAuditPack(damaged);
    expect(result.ok).toBe(false);
  });

  it("names the event when one was removed, even with every hash re-recorded", async () => {
    const files = unpack(unsigned);
    const removed = rehash(editEvents(files, (lines) => lines.filter((_, i) => i !== 4)));
    const message = await failure(await repack(removed));
    expect(message).toMatch(
      /^events.ndjson line 5: event .* is link 6 of the chain where link 5 should be: link 5 was removed or moved further down/,
    );
    expect(
      await failure(await repack(editEvents(files, (lines) => lines.filter((_, i) => i !== 4)))),
    ).toMatch(/^events.ndjson: its SHA-256 is .* the file was changed/);
  });

  it("names the event when the last link was removed, or two were swapped", async () => {
    const files = unpack(unsigned);
    const manifest = json<Manifest>(files, "manifest.json");
    const lastChained = (lines: string[]) => lines.findLastIndex((line) => line.includes('"seq":'));
    const cut = rehash(editEvents(files, (lines) => lines.filter((_, i) => i !== lastChained(lines))));
    expect(await failure(await repack(cut))).toMatch(
      new RegExp(
        `^events.ndjson: the chain ends at link ${manifest.chain.length - 1} .* events were removed from its end`,
      ),
    );
    const swapped = rehash(
      editEvents(files, (lines) => {
        const out = [...lines];
        [out[2], out[3]] = [out[3]!, out[2]!];
        return out;
      }),
    );
    expect(await failure(await repack(swapped))).toMatch(
      /^events.ndjson line 3: event .* is link 4 of the chain where link 3 should be: link 3 was removed or moved further down/,
    );
    const renumbered = rehash(
      editEvents(files, (lines) => {
        const out = [...lines];
        [out[2], out[3]] = [out[3]!.replace('"seq":4', '"seq":3'), out[2]!.replace('"seq":3', '"seq":4')];
        return out;
      }),
    );
    expect(await failure(await repack(renumbered))).toMatch(
      /^events.ndjson line 3: .* does not match its hash/,
    );
  });

  it("names the event that was altered", async () => {
    const files = unpack(unsigned);
    const altered = rehash(
      editEvents(files, (lines) =>
        lines.map((line) => line.replace('"approver":"head-of-model-risk', '"approver":"nobody')),
      ),
    );
    expect(await failure(await repack(altered))).toMatch(
      /^events.ndjson line \d+: event https:\/\/grc.acme.example \/ gov-0010 \(link \d+\) does not match its hash/,
    );
  });

  it("names the criterion when the report does not follow from the events", async () => {
    const files = unpack(unsigned);
    const report = json<{ report: { axes: Record<string, { criteria: { id: string; status: string }[] }> } }>(
      files,
      "report.json",
    );
    const criterion = report.report.axes.evaluation!.criteria[0]!;
    criterion.status = criterion.status === "met" ? "unmet" : "met";
    const forged = new Map(files);
    forged.set("report.json", bytes(`${JSON.stringify(report, null, 2)}\n`));
    expect(await failure(await repack(rehash(forged)))).toMatch(
      new RegExp(
        `^report.json: criterion ${criterion.id} is ${criterion.status} .* but re-scoring events.ndjson gives`,
      ),
    );
  });

  it("notices unchained events that do not belong, or a changed policy", async () => {
    const files = unpack(unsigned);
    const other = JSON.stringify({ event: fixtureEvents.find((e) => e.subject === "support-assistant") });
    const added = rehash(editEvents(files, (lines) => [...lines, other]));
    expect(await failure(await repack(added))).toMatch(/does not belong to fraud-scoring's pack/);
    const policy = json(files, "policy.json");
    const changedPolicy = new Map(files);
    changedPolicy.set("policy.json", bytes(JSON.stringify({ ...policy, version: "forged-1" })));
    expect(await failure(await repack(rehash(changedPolicy)))).toMatch(
      /^policy.json hashes to .* but manifest.json records/,
    );
  });

  it("fails with a wrong key, and an unsigned pack checked against a key", async () => {
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(await failure(signed, { publicKey: pem(other) })).toMatch(
      /^manifest.sig does not verify with the given public key \(fingerprint [0-9a-f]{64}\); manifest.json says it was signed by [0-9a-f]{64}/,
    );
    expect(await failure(unsigned, { publicKey: pem(keys.publicKey) })).toMatch(/^the pack is unsigned/);
    expect(await failure(signed, { publicKey: "nonsense" })).toMatch(
      /^the given public key is not a readable public key/,
    );
  });

  it("fails when files are added or missing", async () => {
    const files = unpack(signed);
    const extra = new Map(files);
    extra.set("notes.txt", bytes("hello"));
    expect(await failure(await repack(extra))).toBe(
      "notes.txt is in the zip but not listed in manifest.json",
    );
    const missing = new Map(files);
    missing.delete("report.html");
    expect(await failure(await repack(missing))).toBe(
      "report.html is listed in manifest.json but missing from the zip",
    );
    const noSig = new Map(files);
    noSig.delete("manifest.sig");
    expect(await failure(await repack(noSig))).toBe(
      "manifest.json says the pack is signed, but manifest.sig is missing",
    );
    expect(await failure(bytes("not a zip"))).toMatch(/manifest.json is missing|not a readable zip/);
    expect(text(files.get("manifest.sig")).length).toBeGreaterThan(0);
  });
});
