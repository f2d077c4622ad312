import type { Question } from "./schema";

// A level reads in one line by default (its headline); its full descriptor and evidence open on
// demand. A model may write its headlines; without them, each descriptor's first sentence serves.

/**
 * The first sentence of a text: up to the first full stop, question or exclamation mark that ends
 * a sentence (followed by a space and a capital, a digit or a quote), or the whole text.
 */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+["'“‘(]?[A-Z0-9])/.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).trim();
}

/** One headline per level: the model's own, or each descriptor's first sentence. */
export function levelHeadlines(question: Pick<Question, "levels" | "headlines">): string[] {
  return question.headlines ?? question.levels.map(firstSentence);
}
