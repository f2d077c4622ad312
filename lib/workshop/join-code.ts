// Join codes for workshops: short enough to read off a projector, long enough not to be guessed.
// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z): 27^8 ≈ 2.8e11.

export const JOIN_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
export const JOIN_CODE_LENGTH = 8;

/**
 * A join code from random bytes (`random(n)` returns n of them). Bytes at or above the largest
 * multiple of the alphabet's size are skipped, so every character is equally likely.
 */
export function makeJoinCode(random: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % JOIN_ALPHABET.length);
  let code = "";
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(JOIN_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_ALPHABET[byte % JOIN_ALPHABET.length];
    }
  }
  return code;
}

/** A code as someone types it ("abcd efgh", "ABCD-EFGH"), or undefined when it cannot be one. */
export function parseJoinCode(text: string): string | undefined {
  const code = text.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return undefined;
  return [...code].every((c) => JOIN_ALPHABET.includes(c)) ? code : undefined;
}

/** "ABCD-EFGH": easier to read aloud and to copy. */
export const formatJoinCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
