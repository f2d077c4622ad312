import { describe, expect, it } from "vitest";
import { unansweredQuestions } from "./scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "./test-models";

describe("unansweredQuestions", () => {
  const model = testModel({
    areas: [
      { id: "a", questions: 3 },
      { id: "b", questions: 2 },
    ],
  });

  it("lists the questions without an answer in model order", () => {
    // Not applicable and unsure count as answers.
    const answers = answersOf({ "b-q1": notApplicable(), "a-q2": unsure });

    expect(unansweredQuestions(model, answers)).toEqual(["a-q1", "a-q3", "b-q2"]);
  });

  it("lists every question when nothing is answered and none when everything is", () => {
    expect(unansweredQuestions(model, new Map())).toEqual(["a-q1", "a-q2", "a-q3", "b-q1", "b-q2"]);
    const all = answersOf({
      "a-q1": level(1),
      "a-q2": unsure,
      "a-q3": notApplicable(),
      "b-q1": level(5),
      "b-q2": level(3),
    });
    expect(unansweredQuestions(model, all)).toEqual([]);
  });

  it("ignores answers to questions that are not in the model", () => {
    const answers = answersOf({ "a-q1": level(2), "gone-q1": level(3) });

    expect(unansweredQuestions(model, answers)).toEqual(["a-q2", "a-q3", "b-q1", "b-q2"]);
  });
});
