import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { entryLines, readEntries } from "./read-zip.ts";
import { DeterministicZip } from "./write-zip.ts";

async function build(write: (zip: DeterministicZip) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new DeterministicZip((chunk) => void chunks.push(chunk));
  await write(zip);
  const size = await zip.finish();
  const out = Buffer.concat(chunks);
  expect(out.length).toBe(size);
  return new Uint8Array(out);
}

const text = (s: string) => new TextEncoder().encode(s);
const manyLines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} ${"x".repeat(i % 97)}`);

describe("DeterministicZip", () => {
  it("gives the same bytes however a streamed entry is written", async () => {
    const lines = manyLines(60_000); // several megabytes: more than one fixed piece
    const byLine = await build(async (zip) => {
      const stream = zip.addStream("a.ndjson");
      for (const line of lines) await stream.write(`${line}\n`);
      await stream.end();
      await zip.addFile("b.json", text("{}"));
    });
    const whole = lines.map((line) => `${line}\n`).join("");
    let sha256 = "";
    const inTwo = await build(async (zip) => {
      const stream = zip.addStream("a.ndjson");
      await stream.write(whole.slice(0, 12345));
      await stream.write(whole.slice(12345));
      sha256 = await stream.end();
      await zip.addFile("b.json", text("{}"));
    });
    expect(sha256).toBe(createHash("sha256").update(whole).digest("hex"));
    expect(Buffer.from(inTwo).equals(Buffer.from(byLine))).toBe(true);
    const files = unzipSync(byLine);
    expect(new TextDecoder().decode(files["a.ndjson"])).toBe(lines.map((line) => `${line}\n`).join(""));
  });

  it("stores a fixed time and mode, whatever the clock and zone", async () => {
    const zip = await build((z) => z.addFile("a.txt", text("hello")));
    const view = Buffer.from(zip);
    const central = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const dosTime = view.readUInt16LE(central + 12);
    const dosDate = view.readUInt16LE(central + 14);
    expect(dosDate).toBe((0 << 9) | (1 << 5) | 1); // 1980-01-01
    expect(dosTime).toBe(12 << 11);
    expect(view.readUInt8(central + 5)).toBe(3); // made on Unix
    expect(view.readUInt32LE(central + 38) >>> 16).toBe(0o100644);
  });

  it("records each entry's CRC-32 and sizes as zip readers check them", async () => {
    const zip = await build(async (z) => {
      const stream = z.addStream("a.ndjson");
      for (const line of manyLines(20_000)) await stream.write(`${line}\n`);
      await stream.end();
      await z.addFile("b.json", text('{"b":1}'));
    });
    const files = unzipSync(zip);
    const view = Buffer.from(zip);
    let at = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    for (const name of ["a.ndjson", "b.json"]) {
      expect(view.toString("utf8", at + 46, at + 46 + view.readUInt16LE(at + 28))).toBe(name);
      expect(view.readUInt32LE(at + 16)).toBe(crc32(files[name]!));
      expect(view.readUInt32LE(at + 24)).toBe(files[name]!.length);
      at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    }
  });

  it("refuses entries out of name order", async () => {
    const zip = new DeterministicZip(() => undefined);
    await zip.addFile("b", text("1"));
    await expect(zip.addFile("a", text("2"))).rejects.toThrow("a added after b");
  });

  it("reads back small files whole and a large one line by line", async () => {
    const lines = manyLines(30_000);
    const zip = await build(async (z) => {
      const stream = z.addStream("events.ndjson");
      for (const line of lines) await stream.write(`${line}\n`);
      await stream.end();
      await z.addFile("manifest.json", text('{"a":1}'));
    });
    const { names, files } = readEntries(zip, (name) => name !== "events.ndjson");
    expect(names).toEqual(["events.ndjson", "manifest.json"]);
    expect(new TextDecoder().decode(files.get("manifest.json"))).toBe('{"a":1}');
    const read: string[] = [];
    for await (const { text: line, number } of entryLines(zip, "events.ndjson")) {
      expect(number).toBe(read.length + 1);
      read.push(line);
    }
    expect(read).toEqual(lines);
    await expect(async () => {
      for await (const _ of entryLines(zip, "nope.ndjson"));
    }).rejects.toThrow("nope.ndjson is missing");
  });
});
