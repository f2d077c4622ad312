import type { Question, ScaleLevel } from "./schema";

// A level that asks for several things lists them as criteria. While answering, a team ticks the
// ones it meets for the level it is weighing, to see how close it is ("3 of 4 met"); the answer
// stays the level it chooses.

export type ConsideredLevel = { level: ScaleLevel; criteria: string[] };

/**
 * The levels worth checking against their criteria for an answer: the chosen level and the one
 * above it (the level the team would move to next), each only where it lists criteria.
 */
export function consideredLevels(scale: readonly ScaleLevel[], criteria: Question["criteria"], choice: string | null): ConsideredLevel[] {
  if (!criteria || choice === null) return [];
  const chosen = scale.findIndex((l) => String(l.value) === choice);
  if (chosen < 0) return [];
  return scale.slice(chosen, chosen + 2).flatMap((level) => {
    const list = criteria[level.value];
    return list ? [{ level, criteria: list }] : [];
  });
}

/** "3 of 4 met", or "all 4 met". */
export function criteriaMetText(met: number, total: number): string {
  return met === total ? `all ${total} met` : `${met} of ${total} met`;
}
