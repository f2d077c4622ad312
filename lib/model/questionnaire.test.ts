import { describe, expect, it } from "vitest";
import { testModel } from "../test-models";
import { areaQuestions, questionnaireOutline, resumePoint } from "./questionnaire";

const model = testModel({
  areas: [
    { id: "ci", questions: 2 },
    { id: "obs", questions: 3 },
    { id: "sec", questions: 1 },
  ],
});
model.areas[0]!.questions[0]!.references = [{ label: "A book", url: "https://example.org/book" }];
model.areas[1]!.questions[0]!.evidence = model.scale.map((l) => `Shown at ${l.value}`);

describe("questionnaire outline", () => {
  it("keeps each area's question ids in order, and no question text", () => {
    const outline = questionnaireOutline(model);
    expect(outline.areas.map((a) => [a.id, a.questionIds])).toEqual([
      ["ci", ["ci-q1", "ci-q2"]],
      ["obs", ["obs-q1", "obs-q2", "obs-q3"]],
      ["sec", ["sec-q1"]],
    ]);
    expect(JSON.stringify(outline)).not.toContain("Prompt for");
  });
});

describe("an area's questions", () => {
  it("carries what the questionnaire shows, evidence included, and never the references", () => {
    const [first] = areaQuestions(model, "obs")!;
    const { levels } = model.areas[1]!.questions[0]!;
    expect(first).toEqual({ ...model.areas[1]!.questions[0], headlines: levels });
    expect(areaQuestions(model, "ci")![0]).not.toHaveProperty("references");
    expect(areaQuestions(model, "ci")![0]!.prompt).toBe("Prompt for ci-q1?");
  });

  it("is undefined for an area the model does not have", () => {
    expect(areaQuestions(model, "nope")).toBeUndefined();
  });
});

describe("where answering resumes", () => {
  const outline = questionnaireOutline(model);

  it("is the first question without an answer, in the area that holds it", () => {
    const answered = new Set(["ci-q1", "ci-q2", "obs-q1", "obs-q3"]);
    expect(resumePoint(outline, (id) => answered.has(id))).toEqual({ questionId: "obs-q2", areaIndex: 1 });
  });

  it("is the first question of all when nothing is answered, and the first area when everything is", () => {
    expect(resumePoint(outline, () => false)).toEqual({ questionId: "ci-q1", areaIndex: 0 });
    expect(resumePoint(outline, () => true)).toEqual({ areaIndex: 0 });
  });
});
