import { describe, expect, it } from "vitest";
import { answeredIn, emptyLocalAnswer, toAnswerValue, toLocalAnswer } from "./local-answer";

describe("an answer as the questionnaire's form holds it", () => {
  it("round-trips every kind of answer with its note", () => {
    for (const value of [{ kind: "level", level: 3 }, { kind: "unsure" }, { kind: "not_applicable", reason: "No servers" }] as const) {
      expect(toAnswerValue(toLocalAnswer(value, "why"))).toEqual(value);
    }
    expect(toLocalAnswer({ kind: "unsure" }, null).note).toBe("");
  });

  it("is incomplete without a choice, or as not applicable without a reason", () => {
    expect(toAnswerValue(emptyLocalAnswer)).toBeNull();
    expect(toAnswerValue({ choice: "not_applicable", reason: "  ", note: "" })).toBeNull();
    expect(answeredIn({ a: { choice: "2", reason: "", note: "" }, b: emptyLocalAnswer })("a")).toBe(true);
    expect(answeredIn({ b: emptyLocalAnswer })("b")).toBe(false);
    expect(answeredIn({})("c")).toBe(false);
  });
});
