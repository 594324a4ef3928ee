import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readPackFiles } from "@maturity/audit";
import { describe, expect, it } from "vitest";
import { runCli, tempFile } from "../../test/run-cli.ts";

const events = fileURLToPath(new URL("../../examples/scenarios.ndjson", import.meta.url));
const asOf = ["--as-of", "2026-11-24T00:00:00Z"];
const dir = () => mkdtempSync(join(tmpdir(), "maturity-audit-e2e-"));
const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateFile: tempFile("key.pem", privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    publicFile: tempFile("key.pub.pem", publicKey.export({ type: "spki", format: "pem" }).toString()),
  };
};

function pack(args: string[], env?: Record<string, string>) {
  const out = join(dir(), "pack.zip");
  const result = runCli(["audit-pack", ...args, "--out", out], undefined, env === undefined ? {} : { env });
  return { ...result, out };
}

describe("maturity audit-pack", () => {
  it("has --help for itself and for verify", () => {
    const help = runCli(["audit-pack", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(
      "Usage: maturity audit-pack [options] [command] <systemId> [events.ndjson]",
    );
    expect(help.stdout).toContain("--signing-key <file>");
    const verify = runCli(["audit-pack", "verify", "--help"]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain("Usage: maturity audit-pack verify [options] <zip>");
    expect(verify.stdout).toContain("--public-key <file>");
  });

  it("packs a system from a file, the same bytes every time, and the pack verifies", () => {
    const first = pack(["fraud-scoring", events, ...asOf]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^wrote .*pack\.zip \([\d,]+ bytes\)\n {2}fraud-scoring as of 2026-11-24T00:00:00.000Z, rubric 2026\.11-1 \(built-in\)/,
    );
    expect(first.stdout).toContain("unsigned: give --signing-key FILE.pem or set MATURITY_SIGNING_KEY");
    const second = pack(["fraud-scoring", events, ...asOf]);
    expect(readFileSync(second.out).equals(readFileSync(first.out))).toBe(true);

    const verified = runCli(["audit-pack", "verify", first.out]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/^ok: .*pack\.zip holds fraud-scoring as of 2026-11-24T00:00:00.000Z\n/);
    expect(verified.stdout).toContain("✓ chain: 377 link(s) re-hashed from genesis");
    expect(verified.stdout).toContain(
      "✓ report.html, cyclonedx.json: rendered again from the events, byte for byte the same",
    );
  });

  it("reads standard input for -, and names the pack after the system and date by default", () => {
    const cwd = dir();
    const result = runCli(["audit-pack", "fraud-scoring", "-", ...asOf], readFileSync(events, "utf8"), {
      cwd,
    });
    expect(result.status, result.stderr).toBe(0);
    const fromFile = pack(["fraud-scoring", events, ...asOf]);
    expect(
      readFileSync(join(cwd, "fraud-scoring-audit-2026-11-24.zip")).equals(readFileSync(fromFile.out)),
    ).toBe(true);
  });

  it("names the closest systems when the one asked for is unknown", () => {
    const result = pack(["fraud-scorng", events, ...asOf]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^maturity audit-pack: no system "fraud-scorng" in .*scenarios\.ndjson; the closest it has: fraud-scoring, /,
    );
    const bad = pack(["fraud-scoring", tempFile("bad.ndjson", "{oops\n"), ...asOf]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("has 1 bad line(s); no pack was made");
  });

  it("signs with MATURITY_SIGNING_KEY, prints the key's fingerprint, and verify checks it against --public-key", () => {
    const keys = keyPair();
    const signed = pack(["fraud-scoring", events, ...asOf], { MATURITY_SIGNING_KEY: keys.privateFile });
    expect(signed.status, signed.stderr).toBe(0);
    const fingerprint = /key fingerprint ([0-9a-f]{64})/.exec(signed.stdout)?.[1];
    expect(fingerprint).toBeDefined();
    expect(signed.stdout).toContain(`signed by MATURITY_SIGNING_KEY (${keys.privateFile})`);
    expect(signed.stdout).toContain("SHA-256 of the public key's DER (SubjectPublicKeyInfo), hex");
    const files = readPackFiles(new Uint8Array(readFileSync(signed.out)));
    expect(new TextDecoder().decode(files.get("signing-key.pub.pem"))).toBe(
      readFileSync(keys.publicFile, "utf8"),
    );

    const good = runCli(["audit-pack", "verify", signed.out, "--public-key", keys.publicFile]);
    expect(good.status, good.stdout).toBe(0);
    expect(good.stdout).toContain(`by the given public key ${fingerprint}`);
    const enclosed = runCli(["audit-pack", "verify", signed.out]);
    expect(enclosed.status).toBe(0);
    expect(enclosed.stdout).toContain("by the key enclosed in the pack");

    const wrong = runCli(["audit-pack", "verify", signed.out, "--public-key", keyPair().publicFile]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toMatch(/✗ manifest.sig does not verify with the given public key/);

    const byOption = pack(["fraud-scoring", events, ...asOf, "--signing-key", keys.privateFile]);
    expect(readFileSync(byOption.out).equals(readFileSync(signed.out))).toBe(true);
  });

  it("refuses to verify an unsigned pack against a key, and names a changed file", () => {
    const unsigned = pack(["fraud-scoring", events, ...asOf]);
    const result = runCli(["audit-pack", "verify", unsigned.out, "--public-key", keyPair().publicFile]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("✗ the pack is unsigned");

    const zip = readFileSync(unsigned.out);
    const name = Buffer.from("report.html");
    // The local header's file name, then its data: change a byte of the compressed report.
    const at = zip.indexOf(name) + name.length + 200;
    zip[at] = zip[at]! ^ 0xff;
    const changed = join(dir(), "changed.zip");
    writeFileSync(changed, zip);
    const failed = runCli(["audit-pack", "verify", changed]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^FAILED: .*changed\.zip\n/);
    expect(failed.stdout).toMatch(/✗ .*report\.html/);
  });

  it("refuses contradictory or unusable options with status 2", () => {
    const both = runCli(["audit-pack", "fraud-scoring", events, "--data-dir", dir()]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("not both");
    const policyWithStore = runCli(["audit-pack", "fraud-scoring", "--data-dir", dir(), "--policy", events]);
    expect(policyWithStore.status).toBe(2);
    expect(policyWithStore.stderr).toContain("--policy goes with a file of events");
    const rsa = tempFile(
      "rsa.pem",
      generateKeyPairSync("rsa", { modulusLength: 1024 })
        .privateKey.export({ type: "pkcs8", format: "pem" })
        .toString(),
    );
    const badKey = pack(["fraud-scoring", events, ...asOf, "--signing-key", rsa]);
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toContain("is an rsa key; audit packs are signed with Ed25519");
    const missing = runCli(["audit-pack", "verify", join(dir(), "nothing.zip")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read");
  });

  it("writes a pack openssl verifies by hand, as the README says", () => {
    if (spawnSync("openssl", ["version"]).status !== 0) return; // no openssl on this machine
    const keys = keyPair();
    const signed = pack(["fraud-scoring", events, ...asOf, "--signing-key", keys.privateFile]);
    const unpacked = dir();
    for (const [name, content] of readPackFiles(new Uint8Array(readFileSync(signed.out))))
      writeFileSync(join(unpacked, name), content);
    const openssl = spawnSync(
      "openssl",
      [
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "signing-key.pub.pem",
        "-rawin",
        "-in",
        "manifest.json",
        "-sigfile",
        "manifest.sig",
      ],
      { cwd: unpacked, encoding: "utf8" },
    );
    expect(openssl.stdout).toContain("Signature Verified Successfully");
  });
});
