import { Gunzip, unzipSync } from "fflate";
import { parseTar } from "nanotar";

// Reading an uploaded archive (ZIP, or tar compressed with gzip) into its text files, with limits
// applied before anything is unpacked: how many entries, how large each one and all of them
// together, and no path that climbs out of the archive's folder. Pure (fflate and nanotar work on
// bytes in memory), so the limits are tested without a server.

export const ARCHIVE_LIMITS = {
  /** The upload itself. */
  bytes: 5_000_000,
  /** Entries of any kind: SAMM's full core has a few hundred files. */
  entries: 2_000,
  /** One text file, unpacked. */
  fileBytes: 1_000_000,
  /** Everything unpacked. */
  unpackedBytes: 20_000_000,
};

export type ArchiveResult = { ok: true; files: Map<string, string> } | { ok: false; error: string };

type Limits = typeof ARCHIVE_LIMITS;
const mb = (n: number) => `${(n / 1_000_000).toFixed(n < 1_000_000 ? 1 : 0)} MB`;

/** Why an entry's path may not be unpacked, if it may not: absolute, climbing out, or a drive. */
export function unsafePath(name: string): boolean {
  const path = name.replace(/\\/g, "/");
  return path.startsWith("/") || /^[a-zA-Z]:/.test(path) || path.split("/").some((part) => part === "..");
}

class Refused extends Error {}

/** The text files of an archive (by `wanted` name), or why it is refused. */
export function readArchive(bytes: Uint8Array, wanted: (path: string) => boolean, limits: Limits = ARCHIVE_LIMITS): ArchiveResult {
  if (bytes.length > limits.bytes) return { ok: false, error: `The archive is ${mb(bytes.length)}; it can be at most ${mb(limits.bytes)}.` };
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { ok: true, files: readZip(bytes, wanted, limits) };
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { ok: true, files: readTar(gunzip(bytes, limits.unpackedBytes), wanted, limits) };
    return { ok: false, error: "This is not a ZIP or .tar.gz archive." };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    return { ok: false, error: "The archive is damaged or in a form that cannot be read." };
  }
}

function checkEntry(name: string, size: number, count: number, limits: Limits) {
  if (count > limits.entries) throw new Refused(`The archive holds more than ${limits.entries.toLocaleString("en-GB")} entries; a model needs far fewer.`);
  if (unsafePath(name)) throw new Refused(`The archive holds a path outside its folder: “${name}”.`);
  if (size > limits.fileBytes) throw new Refused(`“${name}” is ${mb(size)} unpacked; a file can be at most ${mb(limits.fileBytes)}.`);
}

function readZip(bytes: Uint8Array, wanted: (path: string) => boolean, limits: Limits): Map<string, string> {
  let count = 0;
  let total = 0;
  const unzipped = unzipSync(bytes, {
    filter: (file) => {
      count += 1;
      if (file.name.endsWith("/")) return false;
      checkEntry(file.name, file.originalSize, count, limits);
      if (!wanted(file.name)) return false;
      total += file.originalSize;
      if (total > limits.unpackedBytes) throw new Refused(`The archive unpacks to more than ${mb(limits.unpackedBytes)}.`);
      return true;
    },
  });
  const decoder = new TextDecoder();
  return new Map(Object.entries(unzipped).map(([name, data]) => [name, decoder.decode(data)]));
}

/** Unpacks gzip, refusing as soon as the output passes the limit (a small file may unpack to gigabytes). */
function gunzip(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw new Refused(`The archive unpacks to more than ${mb(limit)}.`);
    chunks.push(chunk);
  });
  for (let at = 0; at < bytes.length; at += 64 * 1024) stream.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/**
 * The entry names as written in the tar headers (name and ustar prefix). nanotar hands back names
 * already made safe ("a/../../b" becomes "b"); these say whether the archive tried to climb out.
 */
function rawTarNames(bytes: Uint8Array, limits: Limits): string[] {
  const text = (from: number, length: number) => new TextDecoder().decode(bytes.subarray(from, from + length)).replace(/\0.*$/s, "");
  const names: string[] = [];
  for (let at = 0; at + 512 <= bytes.length && bytes[at] !== 0;) {
    if (names.length >= limits.entries) break;
    const prefix = text(at + 345, 155);
    names.push(prefix ? `${prefix}/${text(at, 100)}` : text(at, 100));
    const size = Number.parseInt(text(at + 124, 12).trim() || "0", 8) || 0;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

function readTar(bytes: Uint8Array, wanted: (path: string) => boolean, limits: Limits): Map<string, string> {
  const climbing = rawTarNames(bytes, limits).find(unsafePath);
  if (climbing) throw new Refused(`The archive holds a path outside its folder: “${climbing}”.`);
  let count = 0;
  const entries = parseTar(bytes, {
    filter: (file) => {
      count += 1;
      checkEntry(file.name, file.size, count, limits);
      return (file.type === "file" || file.type === undefined) && wanted(file.name);
    },
  });
  return new Map(entries.map((e) => [e.name, e.text]));
}
