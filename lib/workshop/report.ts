import type { AnswerValue } from "../answer";
import { formatChange, formatDate, formatScore } from "../format";
import { questionsOf } from "../model/lookup";
import { scoreDigits, type ScoreDigits } from "../model/scoring-rules";
import type { Model } from "../model/schema";
import { roundHalfUp, scoreAssessment, type AssessmentScore } from "../scoring";
import { agreedActionDetail, agreementText, type Agreement } from "./agreement";
import type { Anonymity } from "./rules";
import { tally, type Tally, type Vote } from "./tally";

// The workshop report: every question the room voted on with its distribution,
// spread, consensus and note, and each area of the team answers so far beside the team's previous
// assessment. Pure: the print page, the Markdown and the JSON are all drawn from this.

export type WorkshopReportInput = {
  teamId: string;
  assessmentId: string;
  teamName: string;
  model: Model;
  anonymity: Anonymity;
  openedAt: Date;
  endedAt: Date | null;
  participants: number;
  /** Every vote, with its round: a re-vote keeps the earlier rounds. */
  votes: { questionId: string; round: number; name: string | null; vote: Vote }[];
  consensus: { questionId: string; answer: Vote; note: string | null }[];
  /** The team answers of the draft as they stand (workshop consensus and answers given outside it). */
  answers: Map<string, AnswerValue>;
  previous: { submittedAt: Date; score: AssessmentScore } | undefined;
  /** Whether the assessment has been submitted since (its results then hold the target and actions). */
  submitted: boolean;
  /** The next bottleneck the room agreed, once the facilitator has recorded it. */
  agreement: Agreement | null;
};

export type WorkshopReport = {
  teamId: string;
  assessmentId: string;
  teamName: string;
  model: string;
  anonymity: Anonymity;
  openedAt: string;
  endedAt: string | null;
  participants: number;
  questions: {
    number: number;
    area: string;
    title: string;
    /** The last round's votes: the ones the room settled on. */
    tally: Tally;
    /** Every round in order (one unless the room voted again), so a re-vote's movement shows. */
    rounds: { round: number; tally: Tally }[];
    consensus: Vote | null;
    note: string | null;
    /** The last round's votes by name, only when votes were named to everyone. */
    votes?: { name: string; vote: Vote }[];
  }[];
  /** The decimals the model's scores are shown with (two for SAMM). */
  decimals: ScoreDigits;
  areas: { areaId: string; name: string; now: number | null; before: number | null; change: number | null }[];
  previousOn: string | null;
  /** The next bottleneck as the team answers stand: the weakest stave, and how many questions are still open. */
  next: { weakest: string[]; waterLevel: number | null; open: number; submitted: boolean };
  agreement: Agreement | null;
};

export function workshopReport(input: WorkshopReportInput): WorkshopReport {
  const scale = input.model.scale.map((l) => l.value);
  const now = scoreAssessment(input.model, input.answers);
  const before = new Map(input.previous?.score.areas.map((a) => [a.areaId, a.score]) ?? []);
  const discussed = new Set([...input.votes.map((v) => v.questionId), ...input.consensus.map((c) => c.questionId)]);
  const decimals = scoreDigits(input.model);
  return {
    teamId: input.teamId,
    assessmentId: input.assessmentId,
    teamName: input.teamName,
    model: `${input.model.name} ${input.model.version}`,
    anonymity: input.anonymity,
    openedAt: input.openedAt.toISOString(),
    endedAt: input.endedAt?.toISOString() ?? null,
    participants: input.participants,
    questions: questionsOf(input.model)
      .filter((q) => discussed.has(q.question.id))
      .map((q) => {
        const all = input.votes.filter((v) => v.questionId === q.question.id);
        const rounds = [...new Set(all.map((v) => v.round))]
          .sort((a, b) => a - b)
          .map((round) => ({
            round,
            tally: tally(
              all.filter((v) => v.round === round).map((v) => v.vote),
              scale,
            ),
          }));
        const last = rounds.at(-1)?.round;
        const votes = all.filter((v) => v.round === last);
        const agreed = input.consensus.find((c) => c.questionId === q.question.id);
        return {
          number: q.index + 1,
          area: q.area.name,
          title: q.question.title,
          tally: rounds.at(-1)?.tally ?? tally([], scale),
          rounds,
          consensus: agreed?.answer ?? null,
          note: agreed?.note ?? null,
          ...(input.anonymity === "named" && { votes: votes.map((v) => ({ name: v.name ?? "Someone", vote: v.vote })) }),
        };
      }),
    decimals,
    areas: now.areas.map((a) => {
      const was = before.get(a.areaId) ?? null;
      return {
        areaId: a.areaId,
        name: a.name,
        now: a.score,
        before: was,
        change: a.score !== null && was !== null ? roundHalfUp(a.score - was, decimals) : null,
      };
    }),
    previousOn: input.previous?.submittedAt.toISOString() ?? null,
    next: {
      weakest: now.weakest.map((id) => now.areas.find((a) => a.areaId === id)!.name),
      waterLevel: now.waterLevel,
      open: questionsOf(input.model).filter((q) => !input.answers.has(q.question.id)).length,
      submitted: input.submitted,
    },
    agreement: input.agreement,
  };
}

/** The next bottleneck in words: what the room agrees to raise next, and what is left to do first. */
export function nextBottleneckText(next: WorkshopReport["next"], agreed = false, digits: ScoreDigits = 1): string {
  const weakest =
    next.waterLevel === null
      ? "No area has an answer yet, so there is no weakest stave."
      : `The weakest stave so far: ${next.weakest.join(" and ")} at ${formatScore(next.waterLevel, digits)}.`;
  const then = agreed ? "; the agreed target and first actions then go onto its results." : ", then record the target and the first actions on the results.";
  const todo = next.submitted
    ? "The assessment is submitted: its results hold the target and the first actions."
    : next.open > 0
      ? `${next.open} question${next.open === 1 ? " is" : "s are"} still open: answer ${next.open === 1 ? "it" : "them"} and submit${then}`
      : `Every question has a team answer: submit${then}`;
  return `${weakest} ${todo}`;
}

export const voteWords = (v: Vote | null) => (!v ? "–" : v.kind === "level" ? `level ${v.level}` : v.kind === "unsure" ? "unsure" : "not applicable");

const distribution = (t: Tally) => [...t.levels.map((l) => `${l.level}: ${l.count}`), `unsure: ${t.unsure}`, `n/a: ${t.notApplicable}`].join(", ");

type ReportQuestion = WorkshopReport["questions"][number];

/** A figure of each round, "3 → 1" after a re-vote; the votes per level of each round, "round 1: …; round 2: …". */
export const byRounds = (q: ReportQuestion, figure: (t: Tally) => string | number | null) =>
  q.rounds.length > 1 ? q.rounds.map((r) => figure(r.tally) ?? "–").join(" → ") : String(figure(q.tally) ?? "–");
const votesByRound = (q: ReportQuestion) =>
  q.rounds.length > 1 ? q.rounds.map((r) => `round ${r.round}: ${distribution(r.tally)}`).join("; ") : distribution(q.tally);

/** The report as Markdown, for a wiki page or an email. Everything people typed is made inert first. */
export function reportMarkdown(r: WorkshopReport): string {
  const lines = [
    `# Workshop: ${markdownText(r.teamName)}`,
    "",
    `${markdownText(r.model)} · opened ${formatDate(r.openedAt)}${r.endedAt ? ` · ended ${formatDate(r.endedAt)}` : ""} · ${r.participants} participant${r.participants === 1 ? "" : "s"}`,
    "",
    "## Questions",
    "",
    "| # | Area | Question | Votes | Median | Spread | Agreed | Note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...r.questions.map(
      (q) =>
        `| ${q.number} | ${markdownText(q.area)} | ${markdownText(q.title)}${q.tally.disagrees ? " (disagreed)" : ""} | ${votesByRound(q)} | ${byRounds(q, (t) => t.median)} | ${byRounds(q, (t) => t.spread)} | ${voteWords(q.consensus)} | ${markdownText(q.note ?? "")} |`,
    ),
    "",
    "## Next bottleneck",
    "",
    markdownText(nextBottleneckText(r.next, r.agreement !== null, r.decimals)),
    "",
    ...(r.agreement
      ? [
          `**Agreed:** ${markdownText(agreementText(r.agreement, r.decimals))}.`,
          "",
          "First actions:",
          "",
          ...r.agreement.actions.map((a, i) => `${i + 1}. ${markdownText(a.title)}${agreedActionDetail(a) ? ` (${markdownText(agreedActionDetail(a))})` : ""}`),
          "",
        ]
      : []),
    `## Areas${r.previousOn ? `, against the assessment of ${formatDate(r.previousOn)}` : ""}`,
    "",
    "| Area | Now | Before | Change |",
    "| --- | --- | --- | --- |",
    ...r.areas.map(
      (a) => `| ${markdownText(a.name)} | ${formatScore(a.now, r.decimals)} | ${formatScore(a.before, r.decimals)} | ${formatChange(a.change, r.decimals)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

/**
 * Text people typed (a note, a team, an area, an action), made inert in Markdown: HTML's `<`, `>`
 * and `&` become entities, so no tag or script survives a renderer; the characters that start
 * emphasis, code, links and table cells are escaped; a line break becomes a space, so the text
 * cannot start a heading or a list, nor end a table row.
 */
export const markdownText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|]/g, "\\$&")
    .replace(/\s*[\r\n]+\s*/g, " ");
