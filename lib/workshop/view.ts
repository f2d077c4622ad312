import type { AnswerValue } from "../answer";
import type { Model } from "../model/schema";
import { levelHeadlines } from "../model/headlines";
import { answerLabel, questionsOf } from "../model/lookup";
import { closedByTimer, type Anonymity, type WorkshopPhase, type WorkshopStatus } from "./rules";
import { defaultConsensus, tally, type Tally, type Vote } from "./tally";

// What each screen of a workshop shows: the presenter and the participants see how
// many have voted until the reveal, never what; after it, the distribution, and names only when
// the workshop is named (to everyone) or named to the facilitator (to the facilitator alone).

export type Audience = "presenter" | "participant" | "facilitator";

export type WorkshopRows = {
  id: string;
  teamId: string;
  assessmentId: string;
  joinCode: string;
  status: WorkshopStatus;
  phase: WorkshopPhase;
  anonymity: Anonymity;
  questionId: string;
  round: number;
  autoReveal: boolean;
  timerEndsAt: Date | null;
  version: number;
  /** When the rows were read, by the server's clock (the one votes are timed by). */
  loadedAt: Date;
  model: Model;
  participants: { id: string; name: string | null; device: boolean }[];
  /** Votes on the current question and round. */
  votes: { participantId: string; vote: Vote }[];
  consensus: { kind: Vote["kind"]; level: number | null; note: string | null } | undefined;
  privateNote: string | null;
  /** On a draft started from the last assessment: when that was, and its team answer to the current question. */
  lastCycle?: { submittedAt: Date; answer: AnswerValue | null };
};

export type WorkshopView = {
  id: string;
  joinCode: string;
  status: WorkshopStatus;
  phase: WorkshopPhase;
  version: number;
  round: number;
  autoReveal: boolean;
  anonymity: Anonymity;
  /** While the votes are open: when the countdown reaches zero. */
  timerEndsAt: string | null;
  /** The votes were closed by the timer running out (not revealed by the facilitator). */
  timeIsUp: boolean;
  /** The server's clock when this view was made, so a screen with a wrong clock still counts down right. */
  serverNow: string;
  question: {
    id: string;
    number: number;
    total: number;
    areaName: string;
    title: string;
    prompt: string;
    /** Each level's one-line headline, and its full descriptor. */
    levels: { value: number; label: string; headline: string; text: string }[];
  };
  room: number;
  voted: number;
  /** After the reveal: the distribution, and the team answer it suggests. */
  revealed?: { tally: Tally; suggested: Vote | undefined; byName?: { name: string; vote: Vote }[] };
  consensus?: WorkshopRows["consensus"];
  /** The facilitator's alone: who has voted (not what), and their private note. */
  facilitator?: {
    votedNames: string[];
    waitingNames: string[];
    privateNote: string | null;
    /** The people the facilitator votes for (no device of their own): they can be taken out of the room. */
    votedFor: { id: string; name: string }[];
    /** Last cycle's team answer to this question (never shown to the room, so it cannot anchor the vote). */
    lastCycle?: { on: string; answer: AnswerValue | null; label: string };
  };
  /** A participant's own vote, so a reload shows it. */
  mine?: Vote;
};

const nameOf = (p: { name: string | null }) => p.name ?? "Someone";

/** Shapes what one audience sees; `participantId` is the participant asking, for their own vote. */
export function workshopView(rows: WorkshopRows, audience: Audience, participantId?: string): WorkshopView {
  const found = questionsOf(rows.model).find((q) => q.question.id === rows.questionId)!;
  const scale = rows.model.scale.map((l) => l.value);
  const headlines = levelHeadlines(found.question);
  const voters = new Set(rows.votes.map((v) => v.participantId));
  const named = rows.anonymity === "named" || (rows.anonymity === "facilitator" && audience === "facilitator");
  const revealed = rows.phase === "revealed";
  const byId = new Map(rows.participants.map((p) => [p.id, p]));
  const counted = revealed
    ? tally(
        rows.votes.map((v) => v.vote),
        scale,
      )
    : undefined;
  return {
    id: rows.id,
    joinCode: rows.joinCode,
    status: rows.status,
    phase: rows.phase,
    version: rows.version,
    round: rows.round,
    autoReveal: rows.autoReveal,
    anonymity: rows.anonymity,
    timerEndsAt: rows.phase === "voting" ? (rows.timerEndsAt?.toISOString() ?? null) : null,
    timeIsUp: closedByTimer(rows, rows.loadedAt),
    serverNow: rows.loadedAt.toISOString(),
    question: {
      id: found.question.id,
      number: found.index + 1,
      total: questionsOf(rows.model).length,
      areaName: found.area.name,
      title: found.question.title,
      prompt: found.question.prompt,
      levels: rows.model.scale.map((l, i) => ({ value: l.value, label: l.label, headline: headlines[i]!, text: found.question.levels[i]! })),
    },
    room: rows.participants.length,
    voted: voters.size,
    ...(counted && {
      revealed: {
        tally: counted,
        suggested: defaultConsensus(counted),
        ...(named && {
          byName: rows.votes
            .map((v) => ({ name: nameOf(byId.get(v.participantId) ?? { name: null }), vote: v.vote }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        }),
      },
    }),
    ...(rows.consensus && { consensus: rows.consensus }),
    ...(audience === "facilitator" && {
      facilitator: {
        // Who has voted is the facilitator's to know in every mode; what they voted follows the anonymity chosen.
        votedNames: rows.anonymity === "anonymous" ? [] : rows.participants.filter((p) => voters.has(p.id)).map(nameOf),
        waitingNames: rows.anonymity === "anonymous" ? [] : rows.participants.filter((p) => !voters.has(p.id)).map(nameOf),
        privateNote: rows.privateNote,
        votedFor: rows.participants.filter((p) => !p.device).map((p) => ({ id: p.id, name: nameOf(p) })),
        ...(rows.lastCycle && {
          lastCycle: {
            on: rows.lastCycle.submittedAt.toISOString(),
            answer: rows.lastCycle.answer,
            label: rows.lastCycle.answer === null ? "no answer (new in this version, or left open)" : answerLabel(rows.model, rows.lastCycle.answer),
          },
        }),
      },
    }),
    ...(audience === "participant" && participantId && { mine: rows.votes.find((v) => v.participantId === participantId)?.vote }),
  };
}
