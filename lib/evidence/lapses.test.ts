import { describe, expect, it } from "vitest";
import { countedAnswers, loweredAnswers } from "../counted-answers";
import { scoreAssessment } from "../scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "../test-models";
import { lapseMoves, lowerLapsed, lowers, type EvidenceLapse } from "./lapses";

const model = testModel({
  areas: [
    { id: "security", name: "Security", questions: 3 },
    { id: "build", name: "Build", questions: 2 },
  ],
});
const given = answersOf({
  "security-q1": level(3),
  "security-q2": level(3),
  "security-q3": level(2),
  "build-q1": level(4),
  "build-q2": level(4),
});
const lapse = (questionId: string, counted: EvidenceLapse["counted"] = "one_level_lower", expiredOn = "2027-03-02"): EvidenceLapse => ({
  questionId,
  expiredOn,
  counted,
});

describe("lowerLapsed", () => {
  it("counts a lapsed level answer one level lower, never below the lowest, or as unsure", () => {
    const answers = answersOf({ a: level(3), b: level(1), c: level(5), d: unsure, e: notApplicable() });
    const lowered = lowerLapsed(model, answers, [lapse("a"), lapse("b"), lapse("c", "as_unsure"), lapse("d"), lapse("e")]);
    expect(Object.fromEntries(lowered)).toEqual({ a: level(2), b: level(1), c: unsure, d: unsure, e: notApplicable() });
    expect(answers.get("a")).toEqual(level(3));
  });

  it("knows which answers a lapse can lower", () => {
    expect([level(2), level(1), unsure, notApplicable(), undefined].map((v) => lowers(model, v))).toEqual([true, false, false, false, false]);
  });
});

describe("countedAnswers", () => {
  it("counts the lower of a lapse and a measured cap, not both", () => {
    const answers = answersOf({ q: level(4), r: level(4), s: level(2) });
    const counted = countedAnswers(model, answers, {
      caps: [
        { questionId: "q", level: 2 },
        { questionId: "s", level: 1 },
      ],
      lapses: [lapse("q"), lapse("r"), lapse("s")],
    });
    expect(Object.fromEntries(counted)).toEqual({ q: level(2), r: level(3), s: level(1) });
  });
});

describe("lapseMoves", () => {
  const score = (lapses: EvidenceLapse[]) => scoreAssessment(model, countedAnswers(model, given, { lapses }));

  it("says which area fell, from what to what, and whose evidence expired when", () => {
    const lapses = [lapse("security-q1", "one_level_lower", "2027-03-02")];
    const moves = lapseMoves(model, given, lapses, { without: score([]), with: score(lapses) });
    expect(moves).toEqual({
      waterLevel: { from: 2.7, to: 2.3 },
      areas: [
        {
          areaId: "security",
          name: "Security",
          from: 2.7,
          to: 2.3,
          sentence: "Security fell from 2.7 to 2.3 because the evidence for “Question security-q1” expired on 2 Mar 2027.",
        },
      ],
    });
  });

  it("names every lapse of an area, and leaves out lapses that moved nothing", () => {
    const lapses = [lapse("security-q1", "as_unsure", "2027-01-31"), lapse("security-q2", "one_level_lower", "2027-02-28"), lapse("build-q1")];
    const unmoving = { ...lapse("security-q3"), questionId: "security-q3" };
    const withLowest = new Map(given).set("security-q3", level(1));
    const all = [...lapses, unmoving];
    const moves = lapseMoves(model, withLowest, all, {
      without: scoreAssessment(model, withLowest),
      with: scoreAssessment(model, countedAnswers(model, withLowest, { lapses: all })),
    })!;
    expect(moves.areas.map((a) => a.sentence)).toEqual([
      "Security fell from 2.3 to 1.3 because the evidence for “Question security-q1” expired on 31 Jan 2027 and the evidence for “Question security-q2” expired on 28 Feb 2027.",
      "Build fell from 4.0 to 3.5 because the evidence for “Question build-q1” expired on 2 Mar 2027.",
    ]);
    expect(moves.waterLevel).toEqual({ from: 2.3, to: 1.3 });
  });

  it("is nothing when no lapse lowers an answer", () => {
    const answers = answersOf({ "security-q1": unsure });
    expect(lapseMoves(model, answers, [lapse("security-q1")], { without: score([]), with: score([]) })).toBeNull();
  });
});

describe("loweredAnswers", () => {
  it("lists the answers counted lower than given, in model order, with every reason", () => {
    const lapses = [lapse("build-q1", "one_level_lower", "2027-01-07"), lapse("security-q3", "as_unsure", "2027-02-01")];
    const caps = [
      { questionId: "build-q1", level: 2, reading: "deployment frequency 0.5 a week in 2026 Q3" },
      { questionId: "build-q2", level: 4, reading: "deployment frequency 6 a week in 2026 Q3" },
    ];
    expect(loweredAnswers(model, given, { caps, lapses })).toEqual([
      { questionId: "security-q3", areaId: "security", title: "Question security-q3", counted: unsure, why: "its evidence expired on 1 Feb 2027" },
      {
        questionId: "build-q1",
        areaId: "build",
        title: "Question build-q1",
        counted: level(2),
        why: "its evidence expired on 7 Jan 2027; delivery data measured 2 (deployment frequency 0.5 a week in 2026 Q3)",
      },
    ]);
  });
});
