import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answer";
import { answeredText, carryAnswers, reviewCounts, reviewText, unreviewedText } from "./carry";
import type { Model } from "./model/schema";
import { scoreAssessment } from "./scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "./test-models";
import { whatMoved } from "./what-moved";

const before = testModel({
  version: "1.0.0",
  areas: [
    { id: "build", questions: 3 },
    { id: "run", questions: 2 },
  ],
});
// 1.1.0: build-q2 is renamed (replaces it), build-q3 is gone, a question is new, run is unchanged.
const after = testModel({
  version: "1.1.0",
  areas: [
    { id: "build", questions: 2 },
    { id: "run", questions: 3 },
  ],
});
after.areas[0]!.questions[1] = { ...after.areas[0]!.questions[1]!, id: "build-renamed", replaces: "build-q2" };

const last = new Map([
  ["build-q1", { value: level(3), note: "pipeline in place" }],
  ["build-q2", { value: unsure, note: null }],
  ["build-q3", { value: level(5), note: null }],
  ["run-q1", { value: notApplicable("No servers"), note: null }],
]);

describe("carrying last cycle's answers", () => {
  it("carries each answer to the same question, matched by id or by the id it replaces, with its note and reason", () => {
    expect(carryAnswers({ model: before, answers: last }, after).answers).toEqual([
      { questionId: "build-q1", value: level(3), note: "pipeline in place" },
      { questionId: "build-renamed", value: unsure, note: null },
      { questionId: "run-q1", value: notApplicable("No servers"), note: null },
    ]);
  });

  it("leaves removed questions behind, questions unanswered last time empty, and names the new ones", () => {
    const carry = carryAnswers({ model: before, answers: last }, after);
    expect(carry.answers.map((a) => a.questionId)).not.toContain("build-q3");
    expect(carry.answers.map((a) => a.questionId)).not.toContain("run-q2");
    expect(carry.added).toEqual(["run-q3"]);
  });

  it("does not carry a level the new scale does not have", () => {
    const threeLevels = testModel({ version: "2.0.0", areas: [{ id: "build", questions: 1 }], scale: [1, 2, 3] });
    const carry = carryAnswers({ model: before, answers: new Map([["build-q1", { value: level(5), note: null }]]) }, threeLevels);
    expect(carry).toEqual({ answers: [], added: [] });
  });

  it("carries everything between two identical versions", () => {
    const all = new Map(before.areas.flatMap((a) => a.questions.map((q) => [q.id, { value: level(2), note: null }] as const)));
    expect(carryAnswers({ model: before, answers: all }, before).answers).toHaveLength(5);
  });

  it("says how far a draft is the same way on every page", () => {
    expect(answeredText({ answered: 40, toReview: 38, total: 40 })).toBe("40 of 40 answered, 38 to review");
    expect(answeredText({ answered: 12, toReview: 0, total: 40 })).toBe("12 of 40 answered");
    expect(answeredText({ answered: 5, toReview: 2, total: 40 }, true)).toBe("you have answered 5 of 40, 2 to review");
  });

  it("says why a draft with answers to review cannot be submitted", () => {
    expect(unreviewedText(1)).toMatch(/^1 carried answer is not yet reviewed\. Confirm it unchanged/);
    expect(unreviewedText(3)).toMatch(/^3 carried answers are not yet reviewed\. Confirm each unchanged .* or change them/);
  });
});

describe("what reviewing the carried answers came to", () => {
  const compared = (model: Model, answers: Record<string, AnswerValue>) => {
    const map = answersOf(answers);
    return { model, answers: map, score: scoreAssessment(model, map) };
  };
  const earlier = compared(before, {
    "build-q1": level(3),
    "build-q2": unsure,
    "build-q3": level(5),
    "run-q1": notApplicable("No servers"),
    "run-q2": level(2),
  });

  it("counts the shared questions' answers kept and changed, and the new questions, across versions", () => {
    const later = compared(after, {
      "build-q1": level(3), // kept
      "build-renamed": unsure, // kept, through `replaces`
      "run-q1": notApplicable("Still no servers"), // kept: only the reason is reworded
      "run-q2": level(4), // changed
      "run-q3": level(1), // new in 1.1.0
    });
    // build-q3 is gone from 1.1.0: it is neither kept nor changed.
    expect(reviewCounts(whatMoved(earlier, later), after)).toEqual({ unchanged: 3, changed: 1, added: 1 });
  });

  it("counts a change of kind as a change, even when the counted level stays the same", () => {
    const later = compared(after, { "build-q1": level(3), "build-renamed": level(1), "run-q1": level(1), "run-q2": level(2), "run-q3": unsure });
    // unsure → 1 counts as the same level, but the team now knows: the answer changed.
    expect(reviewCounts(whatMoved(earlier, later), after)).toEqual({ unchanged: 2, changed: 2, added: 1 });
  });

  it("says it in a line", () => {
    expect(reviewText({ unchanged: 38, changed: 2, added: 0 })).toBe("38 answers reviewed unchanged, 2 changed");
    expect(reviewText({ unchanged: 1, changed: 0, added: 3 })).toBe("1 answer reviewed unchanged, none changed; 3 new questions answered");
    expect(reviewText({ unchanged: 0, changed: 8, added: 1 })).toBe("0 answers reviewed unchanged, 8 changed; 1 new question answered");
  });
});
