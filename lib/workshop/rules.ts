// A live workshop's rules: one question at a time; votes are private
// until the facilitator reveals them (or everyone has voted, if auto-reveal is on); a re-vote opens
// a new round; a paused or ended workshop takes no votes. Pure, so the data layer and the tests
// apply the same rules.

/** Who sees whose vote after the reveal: everyone, only the facilitator, or nobody. */
export const ANONYMITY = ["named", "facilitator", "anonymous"] as const;
export type Anonymity = (typeof ANONYMITY)[number];

export const anonymityLabels: Record<Anonymity, string> = {
  named: "Named votes: everyone sees who voted what",
  facilitator: "Named to the facilitator only",
  anonymous: "Anonymous: nobody sees who voted what",
};

export const WORKSHOP_STATUSES = ["open", "paused", "ended"] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const WORKSHOP_PHASES = ["voting", "revealed"] as const;
export type WorkshopPhase = (typeof WORKSHOP_PHASES)[number];

export type WorkshopState = { status: WorkshopStatus; phase: WorkshopPhase; questionId: string; round: number; autoReveal: boolean; timerEndsAt?: Date | null };

/** How long after the countdown shows zero a vote still counts: the one sent at the last second is on its way. */
export const TIMER_GRACE_MS = 1_000;

/** When a running timer's votes close and reveal themselves; null without a timer. */
export const timerClosesAt = (state: Pick<WorkshopState, "timerEndsAt">) => (state.timerEndsAt ? new Date(state.timerEndsAt.getTime() + TIMER_GRACE_MS) : null);

/** Whether the question's timer has run out while its votes are still open: they reveal themselves. */
export function timeIsUp(state: WorkshopState, now: Date): boolean {
  const closes = timerClosesAt(state);
  return state.status === "open" && state.phase === "voting" && closes !== null && now >= closes;
}

export const TIME_IS_UP = "Time is up: votes on this question are closed and shown to the room.";

/**
 * Whether the votes on screen were closed by the timer rather than by the facilitator: a reveal by
 * the timer keeps the time it ran out at (a reveal by hand, a re-vote or a move clears it).
 */
export const closedByTimer = (state: Pick<WorkshopState, "phase" | "timerEndsAt">, now: Date) =>
  state.phase === "revealed" && !!state.timerEndsAt && now >= state.timerEndsAt;

/** Why a vote cannot be taken now, if it cannot. */
export function voteProblem(state: WorkshopState, questionId: string, round: number, now = new Date()): string | undefined {
  if (state.status === "ended") return "This workshop has ended: votes are closed.";
  if (state.status === "paused") return "The workshop is paused. Your vote can be given when the facilitator resumes it.";
  if (questionId !== state.questionId) return "The workshop has moved on to another question. Vote on the one shown now.";
  if (round === state.round && closedByTimer(state, now)) return TIME_IS_UP;
  if (state.phase === "revealed" || round !== state.round) return "Votes on this question are closed: the facilitator has revealed them.";
  if (timeIsUp(state, now)) return TIME_IS_UP;
  return undefined;
}

/** Whether the votes reveal themselves now: auto-reveal is on and everyone in the room has voted. */
export const revealsItself = (state: WorkshopState, voted: number, participants: number) =>
  state.autoReveal && state.phase === "voting" && participants > 0 && voted >= participants;

export type Move = { to: "next" } | { to: "previous" } | { to: "question"; questionId: string };

/** The question a move lands on, in model order; undefined past either end or for an unknown question. */
export function moveTo(questionIds: readonly string[], current: string, move: Move): string | undefined {
  if (move.to === "question") return questionIds.includes(move.questionId) ? move.questionId : undefined;
  const at = questionIds.indexOf(current);
  return questionIds[move.to === "next" ? at + 1 : at - 1];
}
