// Several respondents: each member of the team answers the assessment on their own;
// the team answer of a question is the one the lead sets, and until then the median of theirs; the
// spread per question and per area shows where the team disagrees. Pure, so the questionnaire, the
// lead's page, the stored scores and the tests agree.

import type { Actor } from "./actor";
import type { AnswerValue } from "./answer";
import { formatScore } from "./format";
import type { Model } from "./model/schema";
import { MAX_SCORE_DIGITS, type ScoreDigits } from "./model/scoring-rules";
import { roundHalfUp, scoreAssessment } from "./scoring";
import { defaultConsensus, tally } from "./workshop/tally";

/** How an assessment is answered: one shared answer, or each member their own (named to the lead, or not). */
export const RESPONDENT_MODES = ["shared", "named", "anonymous"] as const;
export type RespondentMode = (typeof RESPONDENT_MODES)[number];

export const respondentModeLabels: Record<RespondentMode, string> = {
  shared: "Together: one shared answer per question",
  named: "Each member on their own: the lead sees who chose what",
  anonymous: "Each member on their own, anonymously: the lead sees the levels, not the names",
};

/** Whether members answer on their own (and the team answer comes from theirs). */
export const byRespondents = (mode: RespondentMode) => mode !== "shared";

/**
 * Who leads an assessment (sees every respondent's answers, sets team answers, submits): the member
 * who started it, or an owner or admin. The same rule decides who runs a workshop.
 */
export const leads = (actor: Actor, openerId: string | null) =>
  actor.kind === "member" && (actor.userId === openerId || actor.role === "owner" || actor.role === "admin");

export const LEAD_ONLY = "Only the assessment's lead (the member who started it) or an owner or admin may do this: they set and submit the team's answers.";

/** The answers of one respondent, by question id. */
export type Responses = ReadonlyMap<string, AnswerValue>;

/**
 * The team answer a question gets from its respondents until the lead sets one: the median level
 * (the lower middle one for an even count); "not applicable" when everyone said so, with the first
 * reason given; otherwise "unsure". Undefined when nobody has answered it.
 */
export function medianAnswer(answers: readonly AnswerValue[], scale: readonly number[]): AnswerValue | undefined {
  const picked = defaultConsensus(tally(answers, scale));
  if (!picked) return undefined;
  if (picked.kind !== "not_applicable") return picked;
  const reason = answers.find((a) => a.kind === "not_applicable")?.reason ?? "";
  return { kind: "not_applicable", reason: reason || "Every respondent said it does not apply." };
}

export type AreaSpread = {
  areaId: string;
  /** Respondents whose answers give this area a score. */
  respondents: number;
  /** The lowest and highest area score among them (to the model's decimals), and the difference. */
  low: number | null;
  high: number | null;
  spread: number | null;
  /** Questions of the area on which the respondents are two or more levels apart. */
  disagreements: number;
};

/**
 * Per area: how far apart the respondents' own area scores are (each scored as if they had answered
 * alone), and on how many of its questions they disagree.
 */
export function areaSpreads(model: Model, respondents: readonly Responses[]): AreaSpread[] {
  const scale = model.scale.map((l) => l.value);
  const scores = respondents.map((r) => scoreAssessment(model, r));
  return model.areas.map((area, i) => {
    const own = scores.flatMap((s) => (s.areas[i]!.score === null ? [] : [s.areas[i]!.score!]));
    const low = own.length > 0 ? Math.min(...own) : null;
    const high = own.length > 0 ? Math.max(...own) : null;
    const disagreements = area.questions.filter(
      (q) =>
        tally(
          respondents.flatMap((r) => (r.has(q.id) ? [r.get(q.id)!] : [])),
          scale,
        ).disagrees,
    ).length;
    return {
      areaId: area.id,
      respondents: own.length,
      low,
      high,
      spread: low === null || high === null ? null : roundHalfUp(high - low, MAX_SCORE_DIGITS),
      disagreements,
    };
  });
}

/** Respondents who have answered anything. */
export const countRespondents = (respondents: readonly Responses[]) => respondents.filter((r) => r.size > 0).length;

/** What a submitted assessment keeps of its respondents: how many answered, and each area's spread. */
export const respondentSpread = (model: Model, respondents: readonly Responses[]) => ({
  respondents: countRespondents(respondents),
  areas: areaSpreads(model, respondents),
});

/** "4 respondents · spread 1.2 (their own scores 1.8 to 3.0) · 2 questions disagree", for an area. */
export function spreadText(s: Omit<AreaSpread, "areaId">, digits: ScoreDigits = 1): string {
  const parts = [`${s.respondents} respondent${s.respondents === 1 ? "" : "s"}`];
  if (s.spread !== null && s.respondents > 1)
    parts.push(`spread ${formatScore(s.spread, digits)} (their own scores ${formatScore(s.low, digits)} to ${formatScore(s.high, digits)})`);
  if (s.disagreements > 0) parts.push(`${s.disagreements} question${s.disagreements === 1 ? "" : "s"} disagree${s.disagreements === 1 ? "s" : ""}`);
  return parts.join(" · ");
}
