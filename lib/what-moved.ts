import { type AnswerValue, countedLevel } from "./answer";
import { formatScore } from "./format";
import { matchQuestions, modelChanges } from "./model/changes";
import { levelBounds } from "./model/lookup";
import { scoreDigits, type ScoreDigits } from "./model/scoring-rules";
import type { Model } from "./model/schema";
import { roundHalfUp, type AssessmentScore } from "./scoring";

// "What moved" between two submitted assessments of a team: which answers changed, what that did
// to each area, and what it did to the headline.

export type Compared = { model: Model; answers: ReadonlyMap<string, AnswerValue>; score: AssessmentScore };

export type AnswerChange = {
  questionId: string;
  title: string;
  from: AnswerValue | undefined;
  to: AnswerValue | undefined;
  /** The change in the level the answer counts as (unsure counts as the lowest); null when either side is not applicable or missing. */
  effect: number | null;
};

export type AreaMove = {
  areaId: string;
  name: string;
  from: number | null;
  to: number | null;
  /** to − from, to the later model's decimals; null when the area was not scored on one side. */
  delta: number | null;
  changes: AnswerChange[];
};

export type WhatMoved = {
  areas: AreaMove[];
  waterLevel: { from: number | null; to: number | null; delta: number | null };
  weakest: { from: string[]; to: string[]; changed: boolean };
  /**
   * The changed answers in the area(s) that now set the water level, largest effect first: what
   * made the difference to the headline.
   */
  madeTheDifference: (AnswerChange & { areaId: string })[];
  /** Questions in only one of the two model versions: left out of the comparison. */
  added: { questionId: string; title: string }[];
  removed: { questionId: string; title: string }[];
};

const delta = (from: number | null, to: number | null, digits: ScoreDigits) => (from === null || to === null ? null : roundHalfUp(to - from, digits));

function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  return a.kind !== "level" || a.level === (b as { level: number }).level;
}

/** Compares an earlier assessment with a later one; only questions present in both model versions are compared. */
export function whatMoved(before: Compared, after: Compared): WhatMoved {
  const lowestBefore = levelBounds(before.model).min;
  const lowestAfter = levelBounds(after.model).min;
  const digits = scoreDigits(after.model);
  // Questions are the same across versions by id, or by the id a question says it replaces.
  const matched = matchQuestions(before.model, after.model);
  const scoreBefore = new Map(before.score.areas.map((a) => [a.areaId, a.score]));
  const scoreAfter = new Map(after.score.areas.map((a) => [a.areaId, a.score]));

  const areas = after.model.areas.map<AreaMove>((area) => {
    const changes = area.questions.flatMap<AnswerChange>((q) => {
      const earlierId = matched.get(q.id);
      if (earlierId === undefined) return [];
      const from = before.answers.get(earlierId);
      const to = after.answers.get(q.id);
      if (sameAnswer(from, to)) return [];
      const fromLevel = from ? countedLevel(from, lowestBefore) : null;
      const toLevel = to ? countedLevel(to, lowestAfter) : null;
      return [{ questionId: q.id, title: q.title, from, to, effect: fromLevel === null || toLevel === null ? null : toLevel - fromLevel }];
    });
    const from = scoreBefore.get(area.id) ?? null;
    const to = scoreAfter.get(area.id) ?? null;
    return { areaId: area.id, name: area.name, from, to, delta: delta(from, to, digits), changes };
  });

  const settingAreas = new Set(after.score.weakest);
  const madeTheDifference = areas
    .filter((a) => settingAreas.has(a.areaId))
    .flatMap((a) => a.changes.map((c) => ({ ...c, areaId: a.areaId })))
    .sort((x, y) => Math.abs(y.effect ?? 0) - Math.abs(x.effect ?? 0));

  const { added, removed } = modelChanges(before.model, after.model);
  return {
    areas,
    waterLevel: { from: before.score.waterLevel, to: after.score.waterLevel, delta: delta(before.score.waterLevel, after.score.waterLevel, digits) },
    weakest: {
      from: before.score.weakest,
      to: after.score.weakest,
      changed: before.score.weakest.join() !== after.score.weakest.join(),
    },
    madeTheDifference,
    added,
    removed,
  };
}

/** One line for the team page: "water level 1.9 → 2.4; weakest stave now Observability". */
export function movedSummary(before: AssessmentScore, after: AssessmentScore, digits: ScoreDigits = 1): string {
  const names = (score: AssessmentScore) => score.weakest.map((id) => score.areas.find((a) => a.areaId === id)?.name ?? id).join(", ");
  const weakest =
    before.weakest.join() === after.weakest.join() ? `weakest stave still ${names(after)}` : `weakest stave now ${names(after)} (was ${names(before)})`;
  return `water level ${formatScore(before.waterLevel, digits)} → ${formatScore(after.waterLevel, digits)}; ${weakest}.`;
}
