import { describe, expect, it } from "vitest";
import {
  cycleVerdict,
  defaultTargetDate,
  outcomeText,
  parseDay,
  targetAdvice,
  targetDateProblem,
  targetLevelProblem,
  targetMet,
  targetOutcome,
  targetText,
  toLaterScore,
} from "./target";

const scale = { min: 1, max: 5 };
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe("target advice", () => {
  it("advises one or two levels up, not the top, and suggests one level up", () => {
    expect(targetAdvice(1.9, scale)).toMatchObject({ levels: [2, 3, 4, 5], advised: [2, 3], suggested: 3 });
    expect(targetAdvice(2, scale)).toMatchObject({ levels: [3, 4, 5], advised: [3, 4], suggested: 3 });
    expect(targetAdvice(3.5, scale)).toMatchObject({ levels: [4, 5], advised: [4], suggested: 4 });
    expect(targetAdvice(1.9, scale).reason).toMatch(/one or two levels/);
  });

  it("names the top only when nothing else is left, and says so", () => {
    const advice = targetAdvice(4.2, scale);
    expect(advice).toMatchObject({ levels: [5], advised: [5], suggested: 5 });
    expect(advice.reason).toMatch(/Only the top level is left/);
  });

  it("offers nothing at the top of the scale or without a score", () => {
    expect(targetAdvice(5, scale)).toMatchObject({ levels: [], suggested: undefined, reason: expect.stringMatching(/already at the top/) });
    expect(targetAdvice(null, scale)).toMatchObject({ levels: [], suggested: undefined, reason: expect.stringMatching(/No area was scored/) });
  });
});

describe("target rules", () => {
  it("refuses a level at or below the current score, or above the scale", () => {
    expect(targetLevelProblem(3, 1.9, scale)).toBeUndefined();
    expect(targetLevelProblem(2, 2, scale)).toMatch(/above the weakest stave's current score \(2\.0\)/);
    expect(targetLevelProblem(1, 1.9, scale)).toMatch(/above/);
    expect(targetLevelProblem(6, 1.9, scale)).toMatch(/scale stops at 5/);
    expect(targetLevelProblem(3, null, scale)).toMatch(/No area was scored/);
  });

  it("defaults to the last day of the next quarter, in UTC", () => {
    expect(defaultTargetDate(day("2026-12-02"))).toBe("2027-03-31");
    expect(defaultTargetDate(day("2026-01-01"))).toBe("2026-06-30");
    expect(defaultTargetDate(new Date("2026-03-31T23:30:00Z"))).toBe("2026-06-30");
  });

  it("reads only real calendar days", () => {
    expect(parseDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2027-02-29", "2026-02-30", "2026-13-01", "31/03/2027", "soon", "2027-3-1", ""]) expect(parseDay(bad)).toBeUndefined();
  });

  it("wants a date after today and within three years", () => {
    const now = day("2026-12-02");
    expect(targetDateProblem("2027-03-31", now)).toBeUndefined();
    expect(targetDateProblem("2026-12-02", now)).toMatch(/after 2026-12-02/);
    expect(targetDateProblem("2030-01-01", now)).toMatch(/three years/);
    expect(targetDateProblem("2027-02-30", now)).toMatch(/calendar day/);
  });
});

describe("target outcome", () => {
  const target = { areaId: "run", level: 3, dueOn: "2027-03-31", assessedOn: day("2026-12-02").toISOString() };
  const later = (iso: string, score: number | null, id = iso) => ({ assessmentId: id, submittedAt: day(iso).toISOString(), areas: { run: score } });

  it("is reached at the first assessment by the date whose area meets it", () => {
    const outcome = targetOutcome(target, [later("2027-03-20", 3.4, "b"), later("2027-01-10", 3.0, "a")], day("2027-04-10"));
    expect(outcome).toEqual({ state: "reached", assessmentId: "a", on: day("2027-01-10").toISOString(), score: 3 });
    expect(outcomeText(outcome)).toBe("Reached on 10 Jan 2027 (3.0).");
  });

  it("counts the target day itself, but not the day after or assessments from before it was set", () => {
    expect(targetOutcome(target, [later("2027-03-31", 3)], day("2027-05-01")).state).toBe("reached");
    expect(targetOutcome(target, [later("2027-04-01", 3.5), later("2026-11-01", 4)], day("2027-05-01"))).toEqual({ state: "missed", score: null });
  });

  it("is missed once the date has passed, with the last score by then", () => {
    const outcome = targetOutcome(target, [later("2027-02-01", 2.4), later("2027-03-01", 2.8)], day("2027-04-01"));
    expect(outcome).toEqual({ state: "missed", score: 2.8 });
    expect(outcomeText(outcome)).toBe("Missed: 2.8 by the target date.");
  });

  it("stays open until its date, an unscored area never meeting it", () => {
    expect(targetOutcome(target, [later("2027-01-01", null)], day("2027-03-30"))).toEqual({ state: "open", days: 1 });
    expect(outcomeText({ state: "open", days: 0 })).toBe("Open: due today.");
    expect(targetMet(target, null)).toBeUndefined();
    expect(targetMet(target, 2.9)).toBe(false);
    expect(targetMet(target, 3)).toBe(true);
  });

  it("judges last cycle's target at the next assessment by the same rule", () => {
    expect(cycleVerdict(target, later("2027-03-01", 3.2))).toEqual({ state: "reached", score: 3.2 });
    expect(cycleVerdict(target, later("2027-04-15", 3.2))).toEqual({ state: "reached-late", score: 3.2 });
    expect(cycleVerdict(target, later("2027-03-01", 2.5))).toEqual({ state: "not-yet", score: 2.5 });
    expect(cycleVerdict(target, later("2027-04-15", 2.5))).toEqual({ state: "missed", score: 2.5 });
    expect(cycleVerdict(target, { assessmentId: "x", submittedAt: day("2027-03-01").toISOString(), areas: {} })).toEqual({ state: "unknown", score: null });
  });

  it("reads a stored score's areas", () => {
    const score = {
      areas: [
        { areaId: "run", score: 2.5 },
        { areaId: "build", score: null },
      ],
    };
    expect(toLaterScore({ assessmentId: "a", submittedAt: day("2027-01-01"), score })).toEqual({
      assessmentId: "a",
      submittedAt: day("2027-01-01").toISOString(),
      areas: { run: 2.5, build: null },
    });
  });

  it("says what it aims at", () => {
    expect(targetText({ areaName: "Observability", fromScore: 1.9, level: 3, dueOn: "2027-03-31" })).toBe(
      "Raise Observability from 1.9 to level 3 by 31 Mar 2027",
    );
  });
});
