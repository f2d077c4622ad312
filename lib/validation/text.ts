import { z } from "zod";

// PostgreSQL cannot store U+0000 in text ("invalid byte sequence"): refuse it before it gets there.
const hasNoNul = (s: string) => !s.includes("\u0000");
const nulMessage = (what: string) => `${what} cannot contain the NUL character (U+0000).`;

/** Only whitespace, control and format characters (zero-width spaces, joiners, fillers…). */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** A string that may be stored as text: refuses NUL with a message naming the field. */
export const storableText = (what: string, missing?: string) => z.string(missing ? { error: missing } : undefined).refine(hasNoNul, nulMessage(what));

/**
 * A name people read in lists (team, organisation, person): trimmed, inner whitespace collapsed,
 * required, at most `max` characters, and made of something visible.
 */
export function nameSchema({ what, max, missing }: { what: string; max: number; missing: string }) {
  return storableText(what, missing)
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, { error: missing, abort: true })
        .max(max, `${what} can be at most ${max} characters.`)
        .refine((s) => !INVISIBLE_ONLY.test(s), `${what} needs visible characters; this one is made only of invisible ones (such as zero-width spaces).`),
    );
}
