import { gzipSync, strToU8, zipSync } from "fflate";
import { createTar } from "nanotar";
import { describe, expect, it } from "vitest";
import { ARCHIVE_LIMITS, readArchive, unsafePath } from "./archive";

const yaml = (name: string) => name.endsWith(".yml");
const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
const tarGz = (files: Record<string, string>) => gzipSync(createTar(Object.entries(files).map(([name, data]) => ({ name, data }))));

describe("reading an uploaded archive", () => {
  const files = { "core/model/questions/a.yml": "type: Question\n", "core/README.md": "# core", "core/model/answer_sets/b.yml": "text: No\n" };

  it.each([
    ["a ZIP", zip(files)],
    ["a .tar.gz", tarGz(files)],
  ])("takes the wanted files of %s and leaves the rest packed", (_kind, bytes) => {
    const result = readArchive(bytes, yaml);
    expect(result.ok && [...result.files].sort()).toEqual([
      ["core/model/answer_sets/b.yml", "text: No\n"],
      ["core/model/questions/a.yml", "type: Question\n"],
    ]);
  });

  it.each([
    ["a ZIP", zip({ "core/../../etc/evil.yml": "x" })],
    ["a .tar.gz", tarGz({ "../evil.yml": "x" })],
  ])("refuses %s with a path outside its folder", (_kind, bytes) => {
    expect(readArchive(bytes, yaml)).toEqual({ ok: false, error: expect.stringMatching(/a path outside its folder: “.*evil\.yml”/) });
  });

  it("refuses an archive of 10,000 files before unpacking them", () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`m/${i}.yml`, "x"]));
    expect(readArchive(zip(many), yaml)).toEqual({ ok: false, error: "The archive holds more than 2,000 entries; a model needs far fewer." });
    expect(readArchive(tarGz(many), yaml)).toMatchObject({ ok: false, error: /more than 2,000 entries/ });
  });

  it("stops unpacking a small file that would unpack to far more than the limit", () => {
    const bomb = gzipSync(new Uint8Array(ARCHIVE_LIMITS.unpackedBytes + 5_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    expect(readArchive(bomb, yaml)).toEqual({ ok: false, error: "The archive unpacks to more than 20 MB." });
    const big = zip({ "m/big.yml": "x".repeat(ARCHIVE_LIMITS.fileBytes + 1) });
    expect(readArchive(big, yaml)).toMatchObject({ ok: false, error: /“m\/big\.yml” is 1\.0 MB unpacked; a file can be at most 1\.0 MB/ });
  });

  it("refuses an upload over 5 MB, and what is not an archive", () => {
    expect(readArchive(new Uint8Array(ARCHIVE_LIMITS.bytes + 1), yaml)).toEqual({ ok: false, error: "The archive is 5 MB; it can be at most 5 MB." });
    expect(readArchive(strToU8("id: not-an-archive"), yaml)).toEqual({ ok: false, error: "This is not a ZIP or .tar.gz archive." });
    expect(readArchive(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), yaml)).toEqual({
      ok: false,
      error: "The archive is damaged or in a form that cannot be read.",
    });
  });

  it("knows which paths climb out", () => {
    expect(["a/../../b", "/etc/passwd", "C:/x", "..\\x"].map(unsafePath)).toEqual([true, true, true, true]);
    expect(["core/model/a.yml", "a..b/c.yml"].map(unsafePath)).toEqual([false, false]);
  });
});
