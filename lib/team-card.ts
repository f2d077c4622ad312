import { nextDue, type Cadence, type Due } from "./cadence";
import { quarterOf } from "./dashboard/quarter";
import { formatDate, formatScore } from "./format";
import { answeredText } from "./carry";
import { byRespondents, type RespondentMode } from "./respondents";
import { roundHalfUp } from "./scoring";
import { andList } from "./words";
import type { ScoreDigits } from "./model/scoring-rules";

// A team's card on the teams list: its latest water level and weakest stave, which way the water
// level moved since the team's previous assessment of the same model, and what is waiting for the
// team — an open assessment to continue, or when the next one is due. Read from stored scores.

/** A submitted assessment's stored figures, as the card needs them. */
export type CardScore = {
  submittedAt: Date;
  waterLevel: number | null;
  weakest: readonly string[];
  areas: readonly { areaId: string; name: string; score: number | null }[];
};

/** The team's open assessment: how much of it is answered (by the person, when each member answers on their own). */
export type CardDraft = {
  assessmentId: string;
  createdAt: Date;
  respondents: RespondentMode;
  answered: number;
  /** Answers carried from last cycle that nobody has reviewed yet. */
  toReview: number;
  questions: number;
};

export type Change = { direction: "up" | "down" | "same"; arrow: "↑" | "↓" | "→"; text: string };

export type CardResult = {
  waterLevel: number | null;
  scaleMax: number;
  /** The decimals the model's scores are shown with. */
  digits: ScoreDigits;
  staves: { areaId: string; name: string; score: number | null; weakest: boolean }[];
  weakestNames: string[];
  /** What the picture shows, in words: "Water level 2.4 of 5; weakest stave Security". */
  summary: string;
  change?: Change;
};

export type CardNext =
  | { kind: "draft"; text: string; href: string }
  | { kind: "due"; due: Due }
  | { kind: "not-assessed"; startHref?: string }
  /** The organisation keeps the team's results to the team and its leads: nothing of them is known here. */
  | { kind: "private" }
  | { kind: "none" };

export type TeamCard = { id: string; name: string; mine: boolean; href: string; result?: CardResult; next: CardNext };

/** Which way the water level moved since the previous assessment of the same model; undefined without two water levels. */
export function changeSince(
  latest: Pick<CardScore, "waterLevel">,
  previous: Pick<CardScore, "waterLevel" | "submittedAt"> | undefined,
  digits: ScoreDigits = 1,
): Change | undefined {
  if (!previous || latest.waterLevel === null || previous.waterLevel === null) return undefined;
  const diff = roundHalfUp(latest.waterLevel - previous.waterLevel, digits);
  const since = `since ${formatDate(previous.submittedAt)}`;
  if (diff > 0) return { direction: "up", arrow: "↑", text: `Up ${formatScore(diff, digits)} ${since}` };
  if (diff < 0) return { direction: "down", arrow: "↓", text: `Down ${formatScore(-diff, digits)} ${since}` };
  return { direction: "same", arrow: "→", text: `No change ${since}` };
}

/** "Q4", or "Q4 2025" for a quarter of another year than `now`'s: the quarter (UTC) a draft was started in. */
export function quarterName(startedAt: Date, now: Date): string {
  const quarter = quarterOf(startedAt);
  const year = Math.floor(quarter / 4);
  return `Q${(quarter % 4) + 1}${year === now.getUTCFullYear() ? "" : ` ${year}`}`;
}

/** "Your team’s Q4 assessment is open: 12 of 40 answered" (the person's own answers when each member answers on their own). */
export function draftText(draft: CardDraft, { mine, now }: { mine: boolean; now: Date }): string {
  const whose = mine ? "Your team’s" : "The team’s";
  // The query counts reviewed and fresh answers as `answered`; carried ones waiting for review have an answer too.
  const progress = answeredText(
    { answered: draft.answered + draft.toReview, toReview: draft.toReview, total: draft.questions },
    byRespondents(draft.respondents),
  );
  return `${whose} ${quarterName(draft.createdAt, now)} assessment is open: ${progress}`;
}

/** The picture's text alternative: "Water level 2.4 of 5; weakest stave Security". */
export function barrelSummary(waterLevel: number | null, weakestNames: readonly string[], scaleMax: number, digits: ScoreDigits = 1): string {
  if (waterLevel === null) return "No water level: no area was scored";
  const weakest = weakestNames.length > 1 ? `weakest staves ${andList(weakestNames)}` : `weakest stave ${weakestNames[0] ?? "–"}`;
  return `Water level ${formatScore(waterLevel, digits)} of ${scaleMax}; ${weakest}`;
}

export type TeamCardInput = {
  team: { id: string; name: string; mine: boolean; cadence: Cadence };
  /** The organisation keeps this team's results from the person (then there is no latest, previous or draft to show). */
  resultsPrivate?: boolean;
  latest?: CardScore;
  /** The team's assessment before the latest, of the same model. */
  previous?: CardScore;
  scaleMax: number;
  /** The decimals the latest model's scores are shown with; default 1. */
  digits?: ScoreDigits;
  /** Only for those who may see it: drafts are never shown outside the team. */
  draft?: CardDraft;
  /** Whether the person may start the team's assessments. */
  canStart: boolean;
  now: Date;
};

/** Everything a team's card shows. */
export function teamCard({ team, resultsPrivate = false, latest, previous, scaleMax, digits = 1, draft, canStart, now }: TeamCardInput): TeamCard {
  const href = `/teams/${team.id}`;
  let result: CardResult | undefined;
  if (latest) {
    const staves = latest.areas.map((a) => ({ ...a, weakest: latest.weakest.includes(a.areaId) }));
    const weakestNames = staves.filter((s) => s.weakest).map((s) => s.name);
    const change = changeSince(latest, previous, digits);
    result = {
      waterLevel: latest.waterLevel,
      scaleMax,
      digits,
      staves,
      weakestNames,
      summary: barrelSummary(latest.waterLevel, weakestNames, scaleMax, digits),
      ...(change && { change }),
    };
  }
  let next: CardNext;
  if (draft) next = { kind: "draft", text: draftText(draft, { mine: team.mine, now }), href: `${href}/assessments/${draft.assessmentId}` };
  else if (resultsPrivate) next = { kind: "private" };
  else if (!latest) next = { kind: "not-assessed", ...(canStart && { startHref: href }) };
  else {
    const due = nextDue(team.cadence, latest.submittedAt, now);
    next = due ? { kind: "due", due } : { kind: "none" };
  }
  return { id: team.id, name: team.name, mine: team.mine, href, ...(result && { result }), next };
}
