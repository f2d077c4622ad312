// An organisation's logo on its reports. Only raster images are taken, recognised by their first
// bytes rather than by a file name or a type the browser claims: an SVG can carry script, and a
// renamed file is still what its bytes say.

export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** A logo prints a few centimetres wide: 200 KB is plenty, and keeps every report light. */
export const MAX_LOGO_BYTES = 200 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes are, by their signature; undefined for anything else. */
export function logoTypeOf(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return undefined;
}

const kilobytes = (n: number) => `${Math.ceil(n / 1024)} KB`;

export const LOGO_RULE = `A PNG, JPEG or WebP image of at most ${kilobytes(MAX_LOGO_BYTES)}.`;

/** The logo's type, or what is wrong with the file in words a person can act on. */
export function checkLogo(bytes: Uint8Array): { ok: true; contentType: LogoType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "Choose an image file for the logo." };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      message: `This file is ${kilobytes(bytes.length)}; a logo may be at most ${kilobytes(MAX_LOGO_BYTES)}. Save it smaller and try again.`,
    };
  }
  const contentType = logoTypeOf(bytes);
  if (!contentType) return { ok: false, message: "This file is not a PNG, JPEG or WebP image. Save the logo in one of those formats (SVG is not taken)." };
  return { ok: true, contentType };
}
