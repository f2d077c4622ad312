import type { AnswerValue } from "../answer";
import { formatChange, formatDate, formatScore } from "../format";
import { questionsOf } from "../model/lookup";
import type { Model } from "../model/schema";
import { roundHalfUp, scoreAssessment, type AssessmentScore } from "../scoring";
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
  /** Votes of the last round of each question voted on. */
  votes: { questionId: string; name: string | null; vote: Vote }[];
  consensus: { questionId: string; answer: Vote; note: string | null }[];
  /** The team answers of the draft as they stand (workshop consensus and answers given outside it). */
  answers: Map<string, AnswerValue>;
  previous: { submittedAt: Date; score: AssessmentScore } | undefined;
  /** Whether the assessment has been submitted since (its results then hold the target and actions). */
  submitted: boolean;
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
    tally: Tally;
    consensus: Vote | null;
    note: string | null;
    /** Only when votes were named to everyone. */
    votes?: { name: string; vote: Vote }[];
  }[];
  areas: { areaId: string; name: string; now: number | null; before: number | null; change: number | null }[];
  previousOn: string | null;
  /** The next bottleneck as the team answers stand: the weakest stave, and how many questions are still open. */
  next: { weakest: string[]; waterLevel: number | null; open: number; submitted: boolean };
};

export function workshopReport(input: WorkshopReportInput): WorkshopReport {
  const scale = input.model.scale.map((l) => l.value);
  const now = scoreAssessment(input.model, input.answers);
  const before = new Map(input.previous?.score.areas.map((a) => [a.areaId, a.score]) ?? []);
  const discussed = new Set([...input.votes.map((v) => v.questionId), ...input.consensus.map((c) => c.questionId)]);
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
        const votes = input.votes.filter((v) => v.questionId === q.question.id);
        const agreed = input.consensus.find((c) => c.questionId === q.question.id);
        return {
          number: q.index + 1,
          area: q.area.name,
          title: q.question.title,
          tally: tally(
            votes.map((v) => v.vote),
            scale,
          ),
          consensus: agreed?.answer ?? null,
          note: agreed?.note ?? null,
          ...(input.anonymity === "named" && { votes: votes.map((v) => ({ name: v.name ?? "Someone", vote: v.vote })) }),
        };
      }),
    areas: now.areas.map((a) => {
      const was = before.get(a.areaId) ?? null;
      return { areaId: a.areaId, name: a.name, now: a.score, before: was, change: a.score !== null && was !== null ? roundHalfUp(a.score - was, 1) : null };
    }),
    previousOn: input.previous?.submittedAt.toISOString() ?? null,
    next: {
      weakest: now.weakest.map((id) => now.areas.find((a) => a.areaId === id)!.name),
      waterLevel: now.waterLevel,
      open: questionsOf(input.model).filter((q) => !input.answers.has(q.question.id)).length,
      submitted: input.submitted,
    },
  };
}

/** The next bottleneck in words: what the room agrees to raise next, and what is left to do first. */
export function nextBottleneckText(next: WorkshopReport["next"]): string {
  const weakest =
    next.waterLevel === null
      ? "No area has an answer yet, so there is no weakest stave."
      : `The weakest stave so far: ${next.weakest.join(" and ")} at ${formatScore(next.waterLevel)}.`;
  const todo = next.submitted
    ? "The assessment is submitted: its results hold the target and the first actions."
    : next.open > 0
      ? `${next.open} question${next.open === 1 ? " is" : "s are"} still open: answer ${next.open === 1 ? "it" : "them"} and submit, then record the target and the first actions on the results.`
      : "Every question has a team answer: submit, then record the target and the first actions on the results.";
  return `${weakest} ${todo}`;
}

export const voteWords = (v: Vote | null) => (!v ? "–" : v.kind === "level" ? `level ${v.level}` : v.kind === "unsure" ? "unsure" : "not applicable");

const distribution = (t: Tally) => [...t.levels.map((l) => `${l.level}: ${l.count}`), `unsure: ${t.unsure}`, `n/a: ${t.notApplicable}`].join(", ");

/** The report as Markdown, for a wiki page or an email. */
export function reportMarkdown(r: WorkshopReport): string {
  const lines = [
    `# Workshop: ${r.teamName}`,
    "",
    `${r.model} · opened ${formatDate(r.openedAt)}${r.endedAt ? ` · ended ${formatDate(r.endedAt)}` : ""} · ${r.participants} participant${r.participants === 1 ? "" : "s"}`,
    "",
    "## Questions",
    "",
    "| # | Area | Question | Votes | Median | Spread | Agreed | Note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...r.questions.map(
      (q) =>
        `| ${q.number} | ${cell(q.area)} | ${cell(q.title)}${q.tally.disagrees ? " (disagreed)" : ""} | ${distribution(q.tally)} | ${q.tally.median ?? "–"} | ${q.tally.spread ?? "–"} | ${voteWords(q.consensus)} | ${cell(q.note ?? "")} |`,
    ),
    "",
    "## Next bottleneck",
    "",
    nextBottleneckText(r.next),
    "",
    `## Areas${r.previousOn ? `, against the assessment of ${formatDate(r.previousOn)}` : ""}`,
    "",
    "| Area | Now | Before | Change |",
    "| --- | --- | --- | --- |",
    ...r.areas.map((a) => `| ${cell(a.name)} | ${formatScore(a.now)} | ${formatScore(a.before)} | ${formatChange(a.change)} |`),
    "",
  ];
  return lines.join("\n");
}

/** A table cell's text: pipes and line breaks would break the row. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
