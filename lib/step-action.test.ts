import { describe, expect, it } from "vitest";
import type { ImprovementAction } from "./improvement-actions";
import { actionForStep, nextStepOf, noStepReason, stepAction, stepActionTitle } from "./step-action";
import { level, notApplicable, testModel, unsure } from "./test-models";
import { ACTION_DESCRIPTION_MAX, ACTION_TITLE_MAX } from "./validation/limits";

const model = testModel({
  areas: [
    { id: "build", questions: 2 },
    { id: "run", questions: 1 },
  ],
});

describe("a next step as an action", () => {
  it("finds the level a question's next step reaches, with its label and guidance", () => {
    expect(nextStepOf(model, "run-q1", level(2))).toEqual({
      areaId: "run",
      questionId: "run-q1",
      questionTitle: "Question run-q1",
      level: 3,
      levelLabel: "Level 3",
      text: "Step to 3",
    });
    // Unsure counts as the lowest level: its next step is the second.
    expect(nextStepOf(model, "build-q2", unsure)).toMatchObject({ level: 2, text: "Step to 2" });
  });

  it("has no next step at the top level, for not applicable, without an answer or outside the model, and says why", () => {
    const none: [string, Parameters<typeof nextStepOf>[2], RegExp][] = [
      ["build-q1", level(5), /already at the top level/],
      ["build-q1", notApplicable(), /not applicable/],
      ["build-q1", undefined, /has no answer/],
      ["deploy-q1", level(2), /not in this assessment's model/],
    ];
    for (const [questionId, value, reason] of none) {
      expect(nextStepOf(model, questionId, value)).toBeUndefined();
      expect(noStepReason(model, questionId, value)).toMatch(reason);
    }
    expect(noStepReason(model, "build-q1", level(4))).toBeUndefined();
  });

  it("becomes a planned action aimed at its question, titled after the question and the level it reaches", () => {
    const step = nextStepOf(model, "build-q2", level(1))!;
    expect(stepAction(step)).toEqual({
      title: "Question build-q2: reach Level 2",
      description: "Step to 2",
      aim: { kind: "question", id: "build-q2" },
      status: "planned",
      owner: null,
      dueOn: null,
    });
  });

  it("fits the longest question title and level label into an action's title, shortening the question, never the level", () => {
    const title = stepActionTitle({ questionTitle: "Q".repeat(80), levelLabel: "L".repeat(40) });
    expect(title).toHaveLength(ACTION_TITLE_MAX);
    expect(title).toMatch(/^Q+…: reach L{40}$/);
    // A title that fits is kept whole.
    expect(stepActionTitle({ questionTitle: "Alerting", levelLabel: "Managed" })).toBe("Alerting: reach Managed");
    const long = stepAction({ ...nextStepOf(model, "run-q1", level(1))!, text: "x".repeat(ACTION_DESCRIPTION_MAX + 5) });
    expect(long.description).toHaveLength(ACTION_DESCRIPTION_MAX);
    expect(long.description.endsWith("…")).toBe(true);
  });

  it("recognises the open action a step already is: the same question and title, planned or in progress", () => {
    const step = nextStepOf(model, "build-q1", level(2))!;
    const action = (over: Partial<ImprovementAction>) => ({
      id: "a",
      questionId: "build-q1",
      title: "Question build-q1: reach Level 3",
      status: "planned" as const,
      ...over,
    });
    expect(actionForStep([action({ id: "x", questionId: "build-q2" }), action({ id: "y" })], step)?.id).toBe("y");
    expect(actionForStep([action({ status: "in_progress" })], step)?.id).toBe("a");
    for (const other of [action({ status: "done" }), action({ status: "dropped" }), action({ title: "Something else" }), action({ questionId: null })]) {
      expect(actionForStep([other], step)).toBeUndefined();
    }
  });
});
