import type { Area, Model } from "./schema";

// How a model turns answers into area scores. By default an answer counts for its level's value and
// an area scores the mean of its answers, on the scale's own range. A model may declare otherwise:
// OWASP SAMM counts its four answers 0, 0.25, 0.5 and 1, sums them per stream, averages the streams
// of a practice and the practices of a business function, so its scores run from 0 to 3.

export type Rollup = "mean" | "sum";
type ScoringInput = Pick<Model, "scale" | "areas" | "scoring">;
export type ScoreMark = { value: number; label: string };
type Issue = { path: (string | number)[]; message: string };

const DEFAULT_ROLLUP: readonly Rollup[] = ["mean"];
/** How many decimals a model's scores may show. A type of its own, so an array index can never pass for one (`.map(formatScore)`). */
export const SCORE_DIGITS = [0, 1, 2, 3] as const;
export type ScoreDigits = (typeof SCORE_DIGITS)[number];
const DEFAULT_DECIMALS: ScoreDigits = 1;
/** The most decimals a model may show: a difference of two scores rounded to it is exact. */
export const MAX_SCORE_DIGITS: ScoreDigits = 3;

/**
 * How many decimals the model's scores are rounded to and shown with: one unless it says otherwise
 * (SAMM's toolbox shows two). Scores are compared as shown, so this also decides ties.
 */
export function scoreDigits(model: Pick<Model, "scoring">): ScoreDigits {
  return model.scoring?.decimals ?? DEFAULT_DECIMALS;
}

export function rollupOf(model: Pick<Model, "scoring">): readonly Rollup[] {
  return model.scoring?.rollup ?? DEFAULT_ROLLUP;
}

/** What an answer at this scale level counts for in scores. */
export function levelScore(model: Pick<Model, "scale" | "scoring">, level: number): number {
  const index = model.scale.findIndex((l) => l.value === level);
  return model.scoring?.levels?.[index] ?? level;
}

/** The lowest and highest area score: what charts, percentages and targets measure against. */
export function scoreRange(model: Pick<Model, "scale" | "scoring">): { min: number; max: number } {
  if (model.scoring?.range) return { ...model.scoring.range };
  return { min: levelScore(model, model.scale[0]!.value), max: levelScore(model, model.scale.at(-1)!.value) };
}

/** The unrounded area score from each question's counted score (null: left out), or null when nothing is scored. */
export function rollUp(area: Pick<Area, "questions">, tiers: readonly Rollup[], counted: (questionId: string) => number | null): number | null {
  const scored = area.questions.flatMap((q) => {
    const score = counted(q.id);
    return score === null ? [] : [{ groups: q.groups ?? [], score }];
  });
  return combine(scored, tiers, 0);
}

function groupsAt<T extends { groups: readonly string[] }>(items: readonly T[], depth: number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.groups[depth] ?? "";
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

function combine(items: readonly { groups: readonly string[]; score: number }[], tiers: readonly Rollup[], depth: number): number | null {
  const values =
    depth === tiers.length - 1 ? items.map((i) => i.score) : [...groupsAt(items, depth).values()].flatMap((group) => combine(group, tiers, depth + 1) ?? []);
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return tiers[depth] === "sum" ? sum : sum / values.length;
}

/** Whatever in a model's scoring would make its scores wrong or unreadable. */
export function scoringProblems(model: ScoringInput): Issue[] {
  const { scoring } = model;
  if (!scoring) {
    return model.areas.flatMap((area, a) =>
      area.questions.flatMap((q, i) =>
        q.groups?.length ? [{ path: ["areas", a, "questions", i, "groups"], message: "groups need a scoring.rollup to be scored in" }] : [],
      ),
    );
  }
  const issues: Issue[] = [];
  if (scoring.levels && scoring.levels.length !== model.scale.length) {
    issues.push({ path: ["scoring", "levels"], message: `needs exactly ${model.scale.length} scores (one per scale level), found ${scoring.levels.length}` });
  }
  scoring.levels?.forEach((score, i) => {
    if (i > 0 && score <= scoring.levels![i - 1]!) issues.push({ path: ["scoring", "levels", i], message: "level scores must ascend" });
  });
  const tiers = rollupOf(model);
  model.areas.forEach((area, a) =>
    area.questions.forEach((q, i) => {
      const depth = q.groups?.length ?? 0;
      if (depth !== tiers.length - 1) {
        issues.push({
          path: ["areas", a, "questions", i, "groups"],
          message: `needs exactly ${tiers.length - 1} group${tiers.length === 2 ? "" : "s"} (one per tier of scoring.rollup below the area), found ${depth}`,
        });
      }
    }),
  );
  if (issues.length > 0) return issues;
  const range = scoreRange(model);
  if (range.max <= range.min) return [{ path: ["scoring", "range"], message: "max must be above min" }];
  // Every area's lowest and highest possible score must fall in the range the charts are drawn on.
  const [lowest, highest] = [model.scale[0]!.value, model.scale.at(-1)!.value].map((level) => levelScore(model, level));
  model.areas.forEach((area, a) => {
    const low = rollUp(area, tiers, () => lowest!)!;
    const high = rollUp(area, tiers, () => highest!)!;
    if (low < range.min - 1e-9 || high > range.max + 1e-9) {
      issues.push({ path: ["areas", a], message: `scores from ${low} to ${high}, outside the scoring range ${range.min} to ${range.max}` });
    }
  });
  return issues;
}

/**
 * The levels a target may name for an area not scored yet: above the bottom of the score range.
 * Scored on the scale, they are its levels (with their labels); with a declared scoring, the whole
 * numbers of its range (for SAMM, maturity levels 1 to 3), which the scale's labels do not name.
 */
export function targetLevels(model: Pick<Model, "scale" | "scoring">): { levels: number[]; labels: Record<number, string> } {
  const { min, max } = scoreRange(model);
  if (!model.scoring) {
    return { levels: model.scale.map((l) => l.value).filter((v) => v > min), labels: Object.fromEntries(model.scale.map((l) => [l.value, l.label])) };
  }
  const levels = Array.from({ length: Math.max(0, Math.floor(max) - Math.floor(min)) }, (_, i) => Math.floor(min) + 1 + i);
  return { levels, labels: {} };
}

/** The marks a chart of area scores is drawn against: the scale's levels, or with a declared scoring the whole numbers of its range. */
export function scoreMarks(model: Pick<Model, "scale" | "scoring">): ScoreMark[] {
  if (!model.scoring) return model.scale;
  const { min, max } = scoreRange(model);
  return Array.from({ length: Math.floor(max) - Math.ceil(min) + 1 }, (_, i) => ({ value: Math.ceil(min) + i, label: "" }));
}

/** The declared scoring in one sentence, for the model's preview; null for a model scored as the mean of its answers' levels. */
export function scoringText(model: Pick<Model, "scale" | "scoring">): string | null {
  if (!model.scoring) return null;
  const { min, max } = scoreRange(model);
  const counts = model.scale.map((l) => `${l.value} counts ${levelScore(model, l.value)}`).join(", ");
  const tiers = rollupOf(model).map((op, depth, all) => `the ${op} of its ${depth === all.length - 1 ? "answers" : "groups"}`);
  return `Scored from ${min} to ${max}: level ${counts}; an area is ${tiers.join(", each ")}.`;
}
