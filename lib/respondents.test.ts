import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answer";
import { areaSpreads, leads, medianAnswer, spreadText } from "./respondents";
import { level, notApplicable, testModel, unsure } from "./test-models";

const scale = [1, 2, 3, 4, 5];
const model = testModel({
  areas: [
    { id: "build", questions: 2 },
    { id: "run", questions: 1 },
  ],
});
const responses = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries));

describe("medianAnswer", () => {
  it("is the median level, the lower middle one for an even count", () => {
    expect(medianAnswer([level(1), level(5), level(3)], scale)).toEqual(level(3));
    expect(medianAnswer([level(4), level(1), level(2), level(5)], scale)).toEqual(level(2));
    expect(medianAnswer([level(2), unsure, notApplicable()], scale)).toEqual(level(2));
  });
  it("is not applicable (with the first reason) only when everyone says so, otherwise unsure", () => {
    expect(medianAnswer([notApplicable("no servers"), notApplicable("serverless")], scale)).toEqual(notApplicable("no servers"));
    expect(medianAnswer([notApplicable("no servers"), unsure], scale)).toEqual(unsure);
  });
  it("is nothing when nobody answered", () => {
    expect(medianAnswer([], scale)).toBeUndefined();
  });
});

describe("areaSpreads", () => {
  it("compares each respondent's own area score and counts the questions two or more levels apart", () => {
    const [build, run] = areaSpreads(model, [
      responses({ "build-q1": level(1), "build-q2": level(2), "run-q1": level(4) }),
      responses({ "build-q1": level(4), "build-q2": level(3) }),
      responses({ "build-q1": unsure }),
    ]);
    expect(build).toEqual({ areaId: "build", respondents: 3, low: 1, high: 3.5, spread: 2.5, disagreements: 1 });
    expect(run).toEqual({ areaId: "run", respondents: 1, low: 4, high: 4, spread: 0, disagreements: 0 });
  });
  it("has no spread where nobody scored the area", () => {
    expect(areaSpreads(model, [])[0]).toEqual({ areaId: "build", respondents: 0, low: null, high: null, spread: null, disagreements: 0 });
  });
});

describe("spreadText", () => {
  it("says how many answered, how far apart and where they disagree", () => {
    expect(spreadText({ respondents: 4, low: 1.8, high: 3, spread: 1.2, disagreements: 2 })).toBe(
      "4 respondents · spread 1.2 (their own scores 1.8 to 3.0) · 2 questions disagree",
    );
    expect(spreadText({ respondents: 1, low: 2, high: 2, spread: 0, disagreements: 0 })).toBe("1 respondent");
    expect(spreadText({ respondents: 2, low: 3, high: 3, spread: 0, disagreements: 1 })).toBe(
      "2 respondents · spread 0.0 (their own scores 3.0 to 3.0) · 1 question disagrees",
    );
  });
});

describe("leads", () => {
  it("is the member who started it, or an owner or admin", () => {
    expect(leads({ kind: "member", userId: "u1", role: "member" }, "u1")).toBe(true);
    expect(leads({ kind: "member", userId: "u2", role: "facilitator" }, "u1")).toBe(false);
    expect(leads({ kind: "member", userId: "u2", role: "admin" }, "u1")).toBe(true);
    expect(leads({ kind: "member", userId: "u2", role: "owner" }, null)).toBe(true);
    expect(leads({ kind: "participant", participantId: "p", name: null }, "p")).toBe(false);
  });
});
