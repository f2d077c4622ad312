import { describe, expect, it } from "vitest";
import { formatJoinCode, JOIN_ALPHABET, JOIN_CODE_LENGTH, makeJoinCode, parseJoinCode } from "./join-code";
import { closedByTimer, moveTo, revealsItself, TIME_IS_UP, timeIsUp, TIMER_GRACE_MS, voteProblem, type WorkshopState } from "./rules";
import { defaultConsensus, tally, type Vote } from "./tally";

const scale = [1, 2, 3, 4, 5];
const lv = (...levels: number[]): Vote[] => levels.map((level) => ({ kind: "level", level }));

describe("tally", () => {
  it("counts each level, and takes median and spread over the level votes only", () => {
    const t = tally([...lv(2, 4, 3), { kind: "unsure" }, { kind: "not_applicable" }], scale);
    expect(t.levels).toEqual([
      { level: 1, count: 0 },
      { level: 2, count: 1 },
      { level: 3, count: 1 },
      { level: 4, count: 1 },
      { level: 5, count: 0 },
    ]);
    expect(t).toMatchObject({ unsure: 1, notApplicable: 1, total: 5, median: 3, spread: 2, interquartile: null, disagrees: true });
  });

  it("takes the lower middle vote as the median of an even count", () => {
    expect(tally(lv(2, 3), scale).median).toBe(2);
    expect(tally(lv(1, 4, 4, 5), scale).median).toBe(4);
    expect(tally(lv(5, 1, 2, 3), scale).median).toBe(2);
  });

  it("gives the interquartile range from four level votes, and flags disagreement from two levels apart", () => {
    expect(tally(lv(1, 2, 3, 4), scale).interquartile).toBe(1.5);
    expect(tally(lv(3, 3, 4), scale)).toMatchObject({ spread: 1, disagrees: false });
    expect(tally([], scale)).toMatchObject({ total: 0, median: null, spread: null, disagrees: false });
  });

  it("defaults the team answer to the median; without level votes to unsure, or not applicable when all say so", () => {
    expect(defaultConsensus(tally(lv(2, 3, 5), scale))).toEqual({ kind: "level", level: 3 });
    expect(defaultConsensus(tally([{ kind: "unsure" }, { kind: "not_applicable" }], scale))).toEqual({ kind: "unsure" });
    expect(defaultConsensus(tally([{ kind: "not_applicable" }, { kind: "not_applicable" }], scale))).toEqual({ kind: "not_applicable" });
    expect(defaultConsensus(tally([], scale))).toBeUndefined();
  });
});

describe("workshop rules", () => {
  const state: WorkshopState = { status: "open", phase: "voting", questionId: "q2", round: 1, autoReveal: true };

  it("takes a vote on the current question and round only, while open and not revealed", () => {
    expect(voteProblem(state, "q2", 1)).toBeUndefined();
    expect(voteProblem({ ...state, phase: "revealed" }, "q2", 1)).toMatch(/closed: the facilitator has revealed them/);
    expect(voteProblem(state, "q2", 0)).toMatch(/closed/);
    expect(voteProblem(state, "q1", 1)).toMatch(/moved on/);
    expect(voteProblem({ ...state, status: "paused" }, "q2", 1)).toMatch(/paused/);
    expect(voteProblem({ ...state, status: "ended" }, "q2", 1)).toMatch(/ended/);
  });

  it("closes the votes when the timer runs out, a moment of grace after zero for the vote already on its way", () => {
    const endsAt = new Date("2026-12-02T10:00:00Z");
    const timed = { ...state, timerEndsAt: endsAt };
    const at = (ms: number) => new Date(endsAt.getTime() + ms);
    expect(voteProblem(timed, "q2", 1, at(-1))).toBeUndefined();
    expect(voteProblem(timed, "q2", 1, at(TIMER_GRACE_MS - 1))).toBeUndefined();
    expect(voteProblem(timed, "q2", 1, at(TIMER_GRACE_MS))).toMatch(/Time is up/);
    expect(timeIsUp(timed, at(TIMER_GRACE_MS))).toBe(true);
    expect(timeIsUp(timed, at(0))).toBe(false);
    // Already revealed, paused (the timer stops) or without a timer: nothing runs out.
    expect(timeIsUp({ ...timed, phase: "revealed" }, at(60_000))).toBe(false);
    expect(timeIsUp({ ...timed, status: "paused" }, at(60_000))).toBe(false);
    expect(timeIsUp(state, at(60_000))).toBe(false);
  });

  it("tells a vote that came after the timer revealed the votes that time is up, and one after a reveal by hand that they were revealed", () => {
    const endsAt = new Date("2026-12-02T10:00:00Z");
    const later = new Date(endsAt.getTime() + 5_000);
    const byTimer = { ...state, phase: "revealed" as const, timerEndsAt: endsAt };
    expect(voteProblem(byTimer, "q2", 1, later)).toBe(TIME_IS_UP);
    expect(closedByTimer(byTimer, later)).toBe(true);
    expect(voteProblem({ ...state, phase: "revealed", timerEndsAt: null }, "q2", 1, later)).toMatch(/the facilitator has revealed them/);
    expect(closedByTimer({ ...state, phase: "revealed", timerEndsAt: null }, later)).toBe(false);
    // A timer still running (set again after a reveal) has not closed anything yet.
    expect(closedByTimer(byTimer, new Date(endsAt.getTime() - 1))).toBe(false);
    // While voting, the timer has not closed the votes as far as a reveal goes; an earlier round is closed by its reveal; the end says so first.
    expect(closedByTimer({ ...byTimer, phase: "voting" }, later)).toBe(false);
    expect(voteProblem(byTimer, "q2", 0, later)).toMatch(/revealed them/);
    expect(voteProblem({ ...byTimer, status: "ended" }, "q2", 1, later)).toMatch(/ended/);
  });

  it("reveals by itself once everyone has voted, when asked to", () => {
    expect(revealsItself(state, 3, 3)).toBe(true);
    expect(revealsItself(state, 2, 3)).toBe(false);
    expect(revealsItself({ ...state, autoReveal: false }, 3, 3)).toBe(false);
    expect(revealsItself(state, 0, 0)).toBe(false);
  });

  it("moves next, back, or to a question, and not past either end", () => {
    const ids = ["q1", "q2", "q3"];
    expect(moveTo(ids, "q2", { to: "next" })).toBe("q3");
    expect(moveTo(ids, "q2", { to: "previous" })).toBe("q1");
    expect(moveTo(ids, "q3", { to: "next" })).toBeUndefined();
    expect(moveTo(ids, "q1", { to: "previous" })).toBeUndefined();
    expect(moveTo(ids, "q1", { to: "question", questionId: "q3" })).toBe("q3");
    expect(moveTo(ids, "q1", { to: "question", questionId: "nope" })).toBeUndefined();
  });
});

describe("join codes", () => {
  it("makes eight characters from the alphabet, each equally likely (biased bytes are skipped)", () => {
    let calls = 0;
    // 255 is above the last whole multiple of the alphabet's size, so it is never used.
    const code = makeJoinCode((n) => (calls++ === 0 ? new Uint8Array(n).fill(255) : Uint8Array.from({ length: n }, (_, i) => i)));
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
    expect(code).toBe(JOIN_ALPHABET.slice(0, JOIN_CODE_LENGTH));
    expect(calls).toBe(2);
  });

  it("reads a code as people type it, and nothing else", () => {
    expect(parseJoinCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(parseJoinCode("ABCD EFGH")).toBe("ABCDEFGH");
    expect(parseJoinCode("ABCDEFG")).toBeUndefined();
    expect(parseJoinCode("ABCDEFG0")).toBeUndefined(); // 0 is not in the alphabet
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});
