import type { Model, Question } from "./schema";

// What changed between two versions of a model (so a team's trend runs on unbroken). A question is
// the same question in both when it keeps its id, or when the later one says it `replaces` the
// earlier id. Comparisons across versions use matched questions only; the trend and the model
// library say what was added, removed, renamed and reworded.

type Named = { questionId: string; title: string };

export type ModelChanges = {
  added: Named[];
  removed: Named[];
  /** Matched through `replaces`: the question's id changed. */
  renamed: (Named & { from: string })[];
  /** Matched, with a different prompt or level descriptors: answers may mean something else now. */
  reworded: Named[];
};

const questionMap = (model: Model) => new Map(model.areas.flatMap((a) => a.questions.map((q) => [q.id, q] as const)));

/** For each question of `after`, the id of the same question in `before`, if it has one. */
export function matchQuestions(before: Model, after: Model): Map<string, string> {
  const earlier = questionMap(before);
  const matched = new Map<string, string>();
  for (const q of questionMap(after).values()) {
    if (earlier.has(q.id)) matched.set(q.id, q.id);
    else if (q.replaces && earlier.has(q.replaces)) matched.set(q.id, q.replaces);
  }
  return matched;
}

const sameWords = (a: Question, b: Question) => a.prompt === b.prompt && a.levels.join("\n") === b.levels.join("\n");

export function modelChanges(before: Model, after: Model): ModelChanges {
  const earlier = questionMap(before);
  const later = questionMap(after);
  const matched = matchQuestions(before, after);
  const used = new Set(matched.values());
  const named = (q: Question): Named => ({ questionId: q.id, title: q.title });
  return {
    added: [...later.values()].filter((q) => !matched.has(q.id)).map(named),
    removed: [...earlier.values()].filter((q) => !used.has(q.id)).map(named),
    renamed: [...later.values()]
      .filter((q) => matched.get(q.id) !== undefined && matched.get(q.id) !== q.id)
      .map((q) => ({ ...named(q), from: matched.get(q.id)! })),
    reworded: [...later.values()].filter((q) => matched.has(q.id) && !sameWords(earlier.get(matched.get(q.id)!)!, q)).map(named),
  };
}

const counted = (n: number, what: string) => `${n} question${n === 1 ? "" : "s"} ${what}`;

/** "2 questions added, 1 removed, 3 reworded"; "no question changed" when nothing did. */
export function changesText(c: ModelChanges): string {
  const parts = [
    c.added.length > 0 && counted(c.added.length, "added"),
    c.removed.length > 0 && counted(c.removed.length, "removed"),
    c.renamed.length > 0 && counted(c.renamed.length, "renamed"),
    c.reworded.length > 0 && counted(c.reworded.length, "reworded"),
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? "no question changed" : parts.join(", ");
}
