import { formatDate, formatScore } from "../format";
import { targetDateProblem, targetLevelProblem } from "../target";
import type { ScoreDigits } from "../model/scoring-rules";

// The next bottleneck a room agrees at the end of a workshop: an area to raise, a target level and
// date, and one to three first actions. It is kept with the workshop, and becomes the target and
// actions of the assessment once that is submitted, checked again against its stored scores.

/** The most first actions a room agrees: a few, so they get done. */
export const AGREED_ACTIONS_MAX = 3;

/** A first action as agreed: a title, and an owner's name and a due date if the room gave them. */
export type AgreedAction = { title: string; ownerText: string | null; dueOn: string | null };

/** An agreement as every screen reads it. */
export type Agreement = {
  areaId: string;
  areaName: string;
  /** The area's score when it was agreed: the team answers so far, or the submitted score. */
  fromScore: number | null;
  level: number;
  dueOn: string;
  actions: AgreedAction[];
  agreedAt: string;
  /** When it became the submitted assessment's target and actions; null until then. */
  appliedAt: string | null;
};

/**
 * What is wrong with an agreed target for an area now at `current` (null: no answer in it yet,
 * when any level above the bottom of the scale will do), due on `dueOn`, agreed at `now`; scores
 * shown with the model's `digits`.
 */
export function agreementProblems(
  target: { level: number; dueOn: string; areaName: string },
  current: number | null,
  scale: { min: number; max: number },
  now: Date,
  digits: ScoreDigits = 1,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const level =
    current === null
      ? target.level > scale.max
        ? `The scale stops at ${scale.max}: a target can be at most ${scale.max}.`
        : target.level <= scale.min
          ? `The target must be above the bottom of the scale (${scale.min}).`
          : undefined
      : targetLevelProblem(target.level, current, scale, target.areaName, digits);
  if (level) problems.level = [level];
  const date = targetDateProblem(target.dueOn, now);
  if (date) problems.dueOn = [date];
  return problems;
}

/** "Raise Observability from 1.9 to level 3 by 31 Mar 2027". */
export const agreementText = (a: Pick<Agreement, "areaName" | "fromScore" | "level" | "dueOn">, digits: ScoreDigits = 1) =>
  `Raise ${a.areaName}${a.fromScore === null ? "" : ` from ${formatScore(a.fromScore, digits)}`} to level ${a.level} by ${formatDate(a.dueOn)}`;

/** An action's owner and due date in words, or nothing when the room gave neither. */
export const agreedActionDetail = (a: AgreedAction) =>
  [a.ownerText && `owner: ${a.ownerText}`, a.dueOn && `due ${formatDate(a.dueOn)}`].filter(Boolean).join(" · ");

/** What the console's agreement form is drawn from (JSON-safe: it crosses to the browser). */
export type AgreementForm = {
  workshopId: string;
  /** The one who runs the workshop (or an owner or admin), while the agreement is not yet the assessment's target. */
  mayRecord: boolean;
  submitted: boolean;
  /** Each area in model order: its score as the team answers stand, the target levels it allows, the one to start with. */
  areas: { areaId: string; name: string; score: number | null; levels: number[]; suggested: number | null }[];
  /** The weakest stave as the answers stand: the area the form starts with. */
  weakestId: string | null;
  levelLabels: Record<number, string>;
  /** The decimals the model's scores are shown with. */
  digits: ScoreDigits;
  defaultDueOn: string;
  /** The first day a target can be due (tomorrow, UTC). */
  earliestDueOn: string;
  /** Where the submitted assessment's target and actions are shown. */
  resultsHref: string;
  agreement: Agreement | null;
};
