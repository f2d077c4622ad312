import { describe, expect, it } from "vitest";
import type { AnswerValue } from "./answer";
import { scoreRange, scoringText } from "./model/scoring-rules";
import { modelSchema, type ModelInput } from "./model/schema";
import { scoreAssessment } from "./scoring";
import { level, notApplicable, testModel, unsure } from "./test-models";

// SAMM's answers, as the levels of a four-level scale: No (0), Yes for some (0.25), for at least half (0.5), for most or all (1).
const [NO, SOME, HALF, ALL] = [level(1), level(2), level(3), level(4)];
const SAMM_LEVELS = [0, 0.25, 0.5, 1];

type Streams = Record<string, Record<"a" | "b", readonly AnswerValue[]>>;

/** A SAMM-shaped model: areas of practices of two streams, each asked at maturity levels 1 to 3, with SAMM's scoring. */
function sammShaped(areas: Record<string, Streams>, rollup: ("mean" | "sum")[] = ["mean", "mean", "sum"]) {
  const answers = new Map<string, AnswerValue>();
  const base = testModel({ scale: [1, 2, 3, 4], areas: Object.keys(areas).map((id) => ({ id, questions: 1 })) });
  const input: ModelInput = {
    ...base,
    scoring: { levels: SAMM_LEVELS, rollup, range: { min: 0, max: 3 } },
    areas: base.areas.map((area) => ({
      ...area,
      questions: Object.entries(areas[area.id]!).flatMap(([practice, streams]) =>
        Object.entries(streams).flatMap(([stream, given]) =>
          given.map((answer, i) => {
            const id = `${area.id}-${practice}-${stream}-${i + 1}`;
            answers.set(id, answer);
            const groups = rollup.length === 3 ? [practice, stream] : [stream];
            return { ...area.questions[0]!, id, groups };
          }),
        ),
      ),
    })),
  };
  return { model: modelSchema.parse(input), answers };
}

describe("scoring a model that declares its level scores and roll-up", () => {
  it("scores a SAMM assessment as SAMM does, worked by hand", () => {
    const { model, answers } = sammShaped({
      governance: {
        // Strategy & Metrics: stream A 1 + 0.5 + 0 = 1.5, stream B 0.5 + 0.25 + 0 = 0.75; practice (1.5 + 0.75) / 2 = 1.125
        sm: { a: [ALL, HALF, NO], b: [HALF, SOME, NO] },
        // Policy & Compliance: A 1 + 1 + 0.25 = 2.25, B 0.25 + 0 + 0 = 0.25; practice 1.25
        pc: { a: [ALL, ALL, SOME], b: [SOME, NO, NO] },
        // Education & Guidance: A 0.5, B unsure (counted as No, 0) + 0.25 + 0 = 0.25; practice 0.375
        eg: { a: [HALF, NO, NO], b: [unsure, SOME, NO] },
      },
      design: {
        // Threat Assessment: A 1 + 1 + 1 = 3, B not applicable throughout: left out; practice 3
        ta: { a: [ALL, ALL, ALL], b: [notApplicable(), notApplicable(), notApplicable()] },
        // Secure Architecture: A 0.25, B 0.5 + 0.5 + 0 = 1; practice 0.625
        sa: { a: [SOME, NO, NO], b: [HALF, HALF, NO] },
      },
    });
    const result = scoreAssessment(model, answers);
    const [governance, design] = result.areas;
    // Governance: (1.125 + 1.25 + 0.375) / 3 = 0.9166… → 0.9 of 3, 30 %.
    expect(governance).toMatchObject({ score: 0.9, percent: 30, scored: 18, unsure: 1, notApplicable: 0 });
    // Design: (3 + 0.625) / 2 = 1.8125 → 1.8 of 3, 60 %.
    expect(design).toMatchObject({ score: 1.8, percent: 60, scored: 9, notApplicable: 3 });
    // The sum of the answers' scores stays explainable: 1 + 0.5 + 0.5 + 0.25 + 1 + 1 + 0.25 + 0.25 + 0.5 + 0.25.
    expect(governance!.sum).toBe(5.5);
    expect(result).toMatchObject({ waterLevel: 0.9, weakest: ["governance"], mean: 1.4, spill: 0.5 });
    // Scored evenly 1–4, the same answers would put Governance at (14 + 14 + 9) / 18 = 2.06 → 2.1 of 4 (37 %) instead.
    expect(
      scoreAssessment(
        { ...model, scoring: undefined, areas: model.areas.map((a) => ({ ...a, questions: a.questions.map(({ groups: _g, ...q }) => q) })) },
        answers,
      ).areas[0]!.score,
    ).toBe(2.1);
  });

  it("scores practices as areas from their streams' sums", () => {
    const { model, answers } = sammShaped(
      {
        sm: { x: { a: [ALL, HALF, NO], b: [HALF, SOME, NO] } },
        pc: { x: { a: [ALL, ALL, SOME], b: [SOME, NO, NO] } },
      },
      ["mean", "sum"],
    );
    const result = scoreAssessment(model, answers);
    // 1.125 → 1.1 (37 % of 0–3); 1.25 → 1.3, half up.
    expect(result.areas.map((a) => [a.score, a.percent])).toEqual([
      [1.1, 37],
      [1.3, 43],
    ]);
    expect(result.weakest).toEqual(["sm"]);
  });

  it("keeps a model without scoring as it was: the mean of the levels, on the scale's range", () => {
    const model = testModel({ areas: [{ id: "build", questions: 2 }] });
    expect(scoreRange(model)).toEqual({ min: 1, max: 5 });
    const result = scoreAssessment(
      model,
      new Map([
        ["build-q1", level(2)],
        ["build-q2", level(5)],
      ]),
    );
    expect(result.areas[0]).toMatchObject({ score: 3.5, percent: 63, sum: 7 });
  });

  it("says in one sentence how a model scores", () => {
    const { model } = sammShaped({ g: { sm: { a: [NO], b: [NO] } } });
    expect(scoringText(model)).toBe(
      "Scored from 0 to 3: level 1 counts 0, 2 counts 0.25, 3 counts 0.5, 4 counts 1; an area is the mean of its groups, each the mean of its groups, each the sum of its answers.",
    );
    expect(scoringText(testModel({ areas: [{ id: "a", questions: 1 }] }))).toBeNull();
  });

  it("takes the range from the level scores when none is declared", () => {
    expect(scoreRange({ ...testModel({ scale: [1, 2, 3, 4], areas: [{ id: "a", questions: 1 }] }), scoring: { levels: SAMM_LEVELS } })).toEqual({
      min: 0,
      max: 1,
    });
  });
});

describe("the scoring a model declares", () => {
  const parse = (input: ModelInput) => modelSchema.safeParse(input);
  const messages = (input: ModelInput) => {
    const parsed = parse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  const model = testModel({ scale: [1, 2, 3, 4], areas: [{ id: "a", questions: 3 }] });
  const grouped = (groups: string[][]) => ({
    ...model,
    areas: [{ ...model.areas[0]!, questions: model.areas[0]!.questions.map((q, i) => ({ ...q, groups: groups[i] })) }],
  });

  it("needs one score per level, ascending", () => {
    expect(messages({ ...model, scoring: { levels: [0, 1] } })).toEqual(["scoring.levels: needs exactly 4 scores (one per scale level), found 2"]);
    expect(messages({ ...model, scoring: { levels: [0, 0.5, 0.5, 1] } })).toEqual(["scoring.levels.2: level scores must ascend"]);
  });

  it("needs every question placed in one group per tier of the roll-up", () => {
    expect(messages({ ...grouped([["x"], ["x"], []]), scoring: { rollup: ["mean", "sum"] } })).toEqual([
      "areas.0.questions.2.groups: needs exactly 1 group (one per tier of scoring.rollup below the area), found 0",
    ]);
    expect(messages(grouped([["x"], [], []]))).toEqual(["areas.0.questions.0.groups: groups need a scoring.rollup to be scored in"]);
  });

  it("needs every area's possible scores inside the declared range", () => {
    // Three answers summed in one group reach 3 × 4 = 12 on the scale's own values.
    expect(messages({ ...grouped([["x"], ["x"], ["x"]]), scoring: { rollup: ["mean", "sum"], range: { min: 1, max: 4 } } })).toEqual([
      "areas.0: scores from 3 to 12, outside the scoring range 1 to 4",
    ]);
    expect(messages({ ...grouped([["x"], ["x"], ["x"]]), scoring: { levels: [0, 0.25, 0.5, 1], rollup: ["mean", "sum"], range: { min: 0, max: 3 } } })).toEqual(
      [],
    );
  });
});
