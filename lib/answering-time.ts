import { firstSentence } from "./model/headlines";

// How long answering takes, shown before starting and on the questionnaire, so a team knows what
// it is signing up for. Estimated from the words a question shows by default, read at a stated
// speed, plus a moment to choose; an answer carried from last cycle costs a glance at the question
// and the level chosen, and a click to confirm it.

export const READING_WORDS_PER_MINUTE = 200;
/** Thinking about which level fits, once a fresh question is read. */
export const SECONDS_TO_CHOOSE = 10;
/** Confirming a carried answer that still holds. */
export const SECONDS_TO_CONFIRM = 2;

/** What one question costs to read: all it shows by default, or a glance (its title, prompt and one level). */
export type QuestionCost = { words: number; glance: number };
/** Where a question stands: still to answer, carried and waiting for review, or done. */
export type QuestionState = "open" | "carried" | "done";

export const countWords = (...texts: (string | undefined)[]): number => texts.reduce((n, t) => n + (t ? t.split(/\s+/).filter(Boolean).length : 0), 0);

type CostedQuestion = { title: string; prompt: string; why: string; coverage?: string; headlines: readonly string[] };

export function questionCost(q: CostedQuestion): QuestionCost {
  const headlineWords = q.headlines.map((h) => countWords(h));
  const average = Math.round(headlineWords.reduce((a, b) => a + b, 0) / Math.max(1, headlineWords.length));
  const glance = countWords(q.title, q.prompt) + average;
  // "Why it matters" shows its first sentence by default; the rest is there on demand.
  return { words: countWords(q.title, q.prompt, firstSentence(q.why), q.coverage) + headlineWords.reduce((a, b) => a + b, 0), glance };
}

/** Seconds one question still takes. */
export function questionSeconds(cost: QuestionCost, state: QuestionState): number {
  if (state === "done") return 0;
  if (state === "carried") return (cost.glance / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CONFIRM;
  return (cost.words / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CHOOSE;
}

export function secondsLeft(questions: readonly { cost: QuestionCost; state: QuestionState }[]): number {
  return questions.reduce((n, q) => n + questionSeconds(q.cost, q.state), 0);
}

/** "about 12 minutes", "about 1 minute", "under a minute", "nothing left". */
export function minutesText(seconds: number): string {
  if (seconds <= 0) return "nothing left";
  if (seconds < 45) return "under a minute";
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** A whole assessment's time: every question read and chosen, except those whose answer is carried (a glance and a click each). */
export function assessmentSeconds(costs: readonly { questionId: string; cost: QuestionCost }[], carried: ReadonlySet<string> = new Set()): number {
  return secondsLeft(costs.map(({ questionId, cost }) => ({ cost, state: carried.has(questionId) ? "carried" : "open" })));
}

/** A model a team may start, at its newest version, with what starting it costs (the start form's choices). */
export type StartableModel = {
  modelId: string;
  name: string;
  version: string;
  questions: number;
  /** "about 24 minutes", answering every question from a blank page. */
  blank: string;
  /** The team's last assessment of this model, when it has one: its date, the answers it carries and the time to review them. */
  last?: { on: string; carried: number; time: string };
};
