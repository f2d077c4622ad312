// How many things a level descriptor asks for at once. A level that asks for more than a few is
// hard to judge in one answer (one unmet condition drops a team a whole level), so a model lists
// such a level's criteria one by one. The count is a reading aid for authors and the content
// tests, not a parser: each sentence is one condition, and each further clause joined by a
// semicolon or by ", and" within it is another.

/** The most conditions a level's text may ask for without listing its criteria. */
export const MAX_UNLISTED_CONDITIONS = 3;

export function conditionCount(text: string): number {
  const sentences = text
    .split(/[.!?](?=\s+["'“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences.reduce((n, sentence) => n + 1 + (sentence.match(/;\s|,\s+and\s/g)?.length ?? 0), 0);
}
