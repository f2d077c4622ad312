import type { Question, ScaleLevel } from "./schema";

/** Lower-case kebab-case from SAMM's names and letters ("Strategy & Metrics" → "strategy-metrics"). */
export function kebab(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Shortens at a word boundary, so a long SAMM title stays readable. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

export function firstParagraph(text: string | null | undefined): string | undefined {
  const paragraph = text?.split(/\n\s*\n/)[0]?.trim();
  return paragraph || undefined;
}

function sentence(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return /[.!?]$/.test(clean) ? clean : `${clean}.`;
}

function scoreLabel(value: number): string {
  if (value === 0) return "None (SAMM 0)";
  if (value === 1) return "Full (SAMM 1)";
  return value > 0 && value < 1 ? `Partial (SAMM ${value})` : `SAMM ${value}`;
}

/**
 * One scale for the model: values 1..N in answer order, labelled by SAMM's score where every
 * answer set agrees on it (SAMM scores its four answers 0, 0.25, 0.5 and 1).
 */
export function sammScale(answerSets: readonly (readonly { value: number }[])[]): ScaleLevel[] {
  return (answerSets[0] ?? []).map((_, k) => {
    const scores = new Set(answerSets.map((answers) => answers[k]?.value));
    const [score] = scores;
    return { value: k + 1, label: scores.size === 1 && score !== undefined ? scoreLabel(score) : `Level ${k + 1}` };
  });
}

type ActivityTexts = { title: string; benefit?: string | null; shortDescription?: string | null };
type QuestionTexts = { text: string; quality?: readonly string[] | null };

/**
 * A Stave question from a SAMM activity and its question, keeping SAMM's own words: the respondent
 * answers with the answer set's texts, and SAMM's quality criteria are what backs any "yes".
 */
export function sammQuestionTexts(id: string, activity: ActivityTexts, question: QuestionTexts, answers: readonly string[]): Question {
  const criteria = (question.quality ?? [])
    .map((c) =>
      c
        .replace(/\s+/g, " ")
        .trim()
        .replace(/[.;]+$/, ""),
    )
    .join("; ");
  const what = sentence(activity.shortDescription || activity.title);
  const prompt = question.text.replace(/\s+/g, " ").trim();
  return {
    id,
    title: truncate(activity.title, 80),
    prompt: prompt.endsWith("?") ? prompt : `${prompt}?`,
    why: activity.benefit || activity.shortDescription || activity.title,
    levels: [...answers],
    evidence: answers.map((answer, k) => {
      if (k === 0) return criteria ? "Nothing to show yet: SAMM's quality criteria for a “yes” are not met." : "Nothing to show yet.";
      return criteria
        ? `For “${answer}”, an assessor checks SAMM's quality criteria: ${criteria}.`
        : `For “${answer}”, an assessor checks that the activity is done to that extent.`;
    }),
    // The criteria are spelt out at the start; later steps widen what already meets them.
    next: answers.slice(1).map((goal, k) => {
      if (k === 0) return `Start: ${what} Aim for “${goal}”${criteria ? `, meeting SAMM's quality criteria: ${criteria}` : ""}.`;
      return `Build on “${answers[k]}”: ${what} Aim for “${goal}”${criteria ? ", with SAMM's quality criteria still met" : ""}.`;
    }),
  };
}
