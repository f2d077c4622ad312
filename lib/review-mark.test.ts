import { describe, expect, it } from "vitest";
import { reviewMark, type LastCycle } from "./review-mark";
import { testModel } from "./test-models";

const model = testModel({ areas: [{ id: "a", questions: 1 }] });
const last: LastCycle = { on: "21 Nov 2026", answers: { q1: { choice: "3" }, q2: { choice: "unsure" } }, added: ["q3"] };
const chose = (choice: string | null) => ({ choice });

describe("what a question says about last cycle's answer", () => {
  it("waits for review while carried and not yet reviewed, whatever is chosen", () => {
    expect(reviewMark("q1", "unreviewed", chose("3"), last, model)).toEqual({ state: "unreviewed", on: "21 Nov 2026" });
  });

  it("says it was kept once reviewed unchanged, and what it was once changed", () => {
    expect(reviewMark("q1", "reviewed", chose("3"), last, model)).toEqual({ state: "same", on: "21 Nov 2026" });
    expect(reviewMark("q1", "reviewed", chose("4"), last, model)).toEqual({ state: "changed", on: "21 Nov 2026", was: "3 · Level 3" });
    expect(reviewMark("q2", "reviewed", chose("not_applicable"), last, model)).toEqual({ state: "changed", on: "21 Nov 2026", was: "Unsure (counted as 1)" });
  });

  it("marks a question new in this version, and says nothing without a last cycle or an answer", () => {
    expect(reviewMark("q3", undefined, chose(null), last, model)).toEqual({ state: "new" });
    expect(reviewMark("q1", "reviewed", chose("3"), undefined, model)).toBeUndefined();
    expect(reviewMark("q4", undefined, chose(null), last, model)).toBeUndefined();
    // Answered here afresh (not carried) with the same choice as last time: nothing to say.
    expect(reviewMark("q1", undefined, chose("3"), last, model)).toBeUndefined();
  });
});
