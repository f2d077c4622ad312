import { describe, expect, it } from "vitest";
import { scoreAssessment } from "./scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "./test-models";

const byArea = (result: ReturnType<typeof scoreAssessment>) => Object.fromEntries(result.areas.map((a) => [a.areaId, a]));

describe("scoreAssessment", () => {
  it("scores each area as the mean of its answers to one decimal and as a percent of the scale range", () => {
    const model = testModel({
      areas: [
        { id: "build", name: "Build", questions: 4 },
        { id: "run", name: "Run", questions: 3 },
        { id: "guard", name: "Guard", questions: 2 },
      ],
    });
    const result = scoreAssessment(
      model,
      answersOf({
        "build-q1": level(2),
        "build-q2": level(3),
        "build-q3": level(3),
        "build-q4": level(3),
        "run-q1": level(5),
        "run-q2": level(5),
        "run-q3": level(2),
        "guard-q1": level(1),
        "guard-q2": level(3),
      }),
    );

    expect(result.areas.map((a) => a.areaId)).toEqual(["build", "run", "guard"]);
    expect(byArea(result).build).toEqual({
      areaId: "build",
      name: "Build",
      score: 2.8, // 11 / 4 = 2.75
      percent: 45, // (2.8 − 1) / (5 − 1)
      sum: 11,
      scored: 4,
      unsure: 0,
      notApplicable: 0,
      unanswered: 0,
    });
    expect(byArea(result).run).toMatchObject({ score: 4, percent: 75, sum: 12, scored: 3 });
    expect(byArea(result).guard).toMatchObject({ score: 2, percent: 25, sum: 4, scored: 2 });
    expect(result.waterLevel).toBe(2);
    expect(result.weakest).toEqual(["guard"]);
    expect(result.mean).toBe(2.9); // (2.8 + 4 + 2) / 3 = 2.93
    expect(result.spill).toBe(0.9);
  });

  it("leaves an area whose answers are all not applicable unscored and out of the water level, weakest and spill", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 2 },
        { id: "b", questions: 2 },
        { id: "c", questions: 1 },
      ],
    });
    const result = scoreAssessment(
      model,
      answersOf({
        "a-q1": notApplicable(),
        "a-q2": notApplicable("No production systems"),
        "b-q1": level(2),
        "b-q2": notApplicable(), // a single N/A does not drag the area down either
        "c-q1": level(4),
      }),
    );

    expect(byArea(result).a).toMatchObject({ score: null, percent: null, sum: 0, scored: 0, notApplicable: 2 });
    expect(byArea(result).b).toMatchObject({ score: 2, percent: 25, scored: 1, notApplicable: 1 });
    expect(result.waterLevel).toBe(2);
    expect(result.weakest).toEqual(["b"]);
    expect(result.mean).toBe(3);
    expect(result.spill).toBe(1);
  });

  it("lists every area tied at the water level in model order, the first being the primary", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 1 },
        { id: "b", questions: 1 },
        { id: "c", questions: 1 },
        { id: "d", questions: 1 },
      ],
    });
    // Answers inserted in a different order than the model's, so the order must come from the model.
    const result = scoreAssessment(model, answersOf({ "d-q1": level(2), "c-q1": level(4), "b-q1": level(2), "a-q1": level(3) }));

    expect(result.waterLevel).toBe(2);
    expect(result.weakest).toEqual(["b", "d"]);
    expect(result.mean).toBe(2.8); // 11 / 4 = 2.75
    expect(result.spill).toBe(0.8);
  });

  it("scores every area at the scale minimum and counts the unsure answers when nobody is sure", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 2 },
        { id: "b", questions: 3 },
      ],
    });
    const result = scoreAssessment(model, answersOf({ "a-q1": unsure, "a-q2": unsure, "b-q1": unsure, "b-q2": unsure, "b-q3": unsure }));

    expect(byArea(result).a).toMatchObject({ score: 1, percent: 0, sum: 2, scored: 2, unsure: 2 });
    expect(byArea(result).b).toMatchObject({ score: 1, percent: 0, sum: 3, scored: 3, unsure: 3 });
    expect(result.waterLevel).toBe(1);
    expect(result.weakest).toEqual(["a", "b"]);
    expect(result.spill).toBe(0);
  });

  it("counts unsure as the lowest level next to real levels", () => {
    const model = testModel({ areas: [{ id: "a", questions: 3 }] });
    const result = scoreAssessment(model, answersOf({ "a-q1": unsure, "a-q2": level(4), "a-q3": level(4) }));

    expect(result.areas[0]).toMatchObject({ score: 3, sum: 9, scored: 3, unsure: 1 });
  });

  it("gives a spill of 0 for a single-area model", () => {
    const model = testModel({ areas: [{ id: "only", questions: 2 }] });
    const result = scoreAssessment(model, answersOf({ "only-q1": level(2), "only-q2": level(4) }));

    expect(result.waterLevel).toBe(3);
    expect(result.weakest).toEqual(["only"]);
    expect(result.mean).toBe(3);
    expect(result.spill).toBe(0);
  });

  it("has no water level, no weakest stave and no spill when every area is not applicable", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 1 },
        { id: "b", questions: 1 },
      ],
    });
    const result = scoreAssessment(model, answersOf({ "a-q1": notApplicable(), "b-q1": notApplicable() }));

    expect(result.areas.map((a) => a.score)).toEqual([null, null]);
    expect(result.waterLevel).toBeNull();
    expect(result.weakest).toEqual([]);
    expect(result.spill).toBeNull();
    expect(result.mean).toBeNull();
  });

  it("counts unanswered questions per area and scores only the answered ones", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 3 },
        { id: "b", questions: 2 },
      ],
    });
    const result = scoreAssessment(model, answersOf({ "a-q2": level(4), "b-q1": notApplicable() }));

    expect(byArea(result).a).toMatchObject({ score: 4, scored: 1, unanswered: 2, notApplicable: 0 });
    expect(byArea(result).b).toMatchObject({ score: null, scored: 0, unanswered: 1, notApplicable: 1 });
    expect(result.waterLevel).toBe(4);
    expect(result.weakest).toEqual(["a"]);
  });

  it("reports percentages of the range of a scale that does not start at 1", () => {
    const model = testModel({
      scale: [0, 1, 2, 3],
      areas: [
        { id: "top", questions: 2 },
        { id: "low", questions: 2 },
        { id: "mid", questions: 3 },
        { id: "unsure", questions: 2 },
      ],
    });
    const result = scoreAssessment(
      model,
      answersOf({
        "top-q1": level(3),
        "top-q2": level(3),
        "low-q1": level(0),
        "low-q2": level(1),
        "mid-q1": level(2),
        "mid-q2": level(1),
        "mid-q3": level(2),
        "unsure-q1": unsure, // counts as 0, the scale's minimum
        "unsure-q2": level(3),
      }),
    );

    expect(result.areas.map((a) => [a.areaId, a.score, a.percent])).toEqual([
      ["top", 3, 100],
      ["low", 0.5, 17], // 0.5 / 3
      ["mid", 1.7, 57], // 5 / 3 = 1.67 → 1.7; 1.7 / 3
      ["unsure", 1.5, 50],
    ]);
    expect(result.waterLevel).toBe(0.5);
    expect(result.weakest).toEqual(["low"]);
  });

  it("derives the water level, the weakest staves and the spill from the one-decimal figures a user sees", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 4 },
        { id: "b", questions: 3 },
        { id: "c", questions: 5 },
      ],
    });
    const result = scoreAssessment(
      model,
      answersOf({
        // 9 / 4 = 2.25 → shown as 2.3
        "a-q1": level(2),
        "a-q2": level(2),
        "a-q3": level(2),
        "a-q4": level(3),
        // 7 / 3 = 2.33 → shown as 2.3
        "b-q1": level(2),
        "b-q2": level(2),
        "b-q3": level(3),
        // 18 / 5 = 3.6
        "c-q1": level(4),
        "c-q2": level(4),
        "c-q3": level(4),
        "c-q4": level(3),
        "c-q5": level(3),
      }),
    );

    expect(result.areas.map((a) => a.score)).toEqual([2.3, 2.3, 3.6]);
    // Unrounded, a (2.25) alone would be lowest and the water level 2.25.
    expect(result.waterLevel).toBe(2.3);
    expect(result.weakest).toEqual(["a", "b"]);
    // Shown figures: mean (2.3 + 2.3 + 3.6) / 3 = 2.73 → 2.7, spill 2.7 − 2.3 = 0.4.
    // Unrounded it would be 2.728 − 2.25 = 0.478 → 0.5.
    expect(result.mean).toBe(2.7);
    expect(result.spill).toBe(0.4);
  });

  it("rounds a mean of exactly .x5 up, as a user doing the sum by hand would", () => {
    const model = testModel({
      areas: [
        { id: "a", questions: 3 },
        { id: "b", questions: 5 },
      ],
    });
    const result = scoreAssessment(
      model,
      answersOf({
        // 10 / 3 → 3.3
        "a-q1": level(3),
        "a-q2": level(3),
        "a-q3": level(4),
        // 7 / 5 = 1.4
        "b-q1": level(1),
        "b-q2": level(1),
        "b-q3": level(1),
        "b-q4": level(2),
        "b-q5": level(2),
      }),
    );

    expect(result.areas.map((a) => a.score)).toEqual([3.3, 1.4]);
    // (3.3 + 1.4) / 2 = 2.35, which floating point holds as 2.3499…
    expect(result.mean).toBe(2.4);
    expect(result.spill).toBe(1);
  });

  it("rounds a percentage of exactly .5 up", () => {
    const model = testModel({ areas: [{ id: "a", questions: 10 }] });
    // 19 / 10 = 1.9 on 1..5 → 0.9 / 4 = 22.5 %
    const answers = new Map(model.areas[0]!.questions.map((q, i) => [q.id, level(i === 0 ? 1 : 2)]));

    expect(scoreAssessment(model, answers).areas[0]).toMatchObject({ score: 1.9, percent: 23 });
  });
});
