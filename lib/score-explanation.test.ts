import { describe, expect, it } from "vitest";
import { modelSchema } from "./model/schema";
import { rollupSteps } from "./score-explanation";
import { level, notApplicable, testModel, unsure } from "./test-models";

describe("rollupSteps", () => {
  const base = testModel({ scale: [1, 2, 3, 4], areas: [{ id: "governance", questions: ["sm-a-1", "sm-a-2", "sm-b-1", "pc-a-1", "pc-b-1"] }] });
  const model = modelSchema.parse({
    ...base,
    scoring: { levels: [0, 0.25, 0.5, 1], rollup: ["mean", "mean", "sum"], range: { min: 0, max: 3 } },
    areas: base.areas.map((a) => ({ ...a, questions: a.questions.map((q) => ({ ...q, groups: q.id.split("-").slice(0, 2) })) })),
  });

  it("follows a SAMM-scored area from its answers through streams and practices", () => {
    const answers = new Map([
      ["sm-a-1", level(4)],
      ["sm-a-2", level(3)],
      ["sm-b-1", unsure],
      ["pc-a-1", level(2)],
      ["pc-b-1", notApplicable()],
    ]);
    expect(rollupSteps(model, model.areas[0]!, answers)).toEqual([
      "SM A, the answers' sum: 1 + 0.5 = 1.5",
      "SM B, the answers' sum: 0 = 0",
      "SM, the mean of its groups: (1.5 + 0) ÷ 2 = 0.75",
      "PC A, the answers' sum: 0.25 = 0.25",
      "PC, the mean of its groups: 0.25",
      "governance, the mean of its groups: (0.75 + 0.25) ÷ 2 = 0.5",
    ]);
  });

  it("names the groups by the area's names for them, with their ids", () => {
    const named = { ...model, areas: model.areas.map((a) => ({ ...a, groups: { sm: "Strategy & Metrics", "sm/a": "Create and Promote" } })) };
    const answers = new Map([
      ["sm-a-1", level(4)],
      ["pc-a-1", level(2)],
    ]);
    expect(rollupSteps(named, named.areas[0]!, answers)).toEqual([
      "Create and Promote (SM A), the answers' sum: 1 = 1",
      "Strategy & Metrics (SM), the mean of its groups: 1",
      "PC A, the answers' sum: 0.25 = 0.25",
      "PC, the mean of its groups: 0.25",
      "governance, the mean of its groups: (1 + 0.25) ÷ 2 = 0.625",
    ]);
  });

  it("leaves a model scored as the mean of its answers to the usual sum and count", () => {
    const plain = testModel({ areas: [{ id: "build", questions: 1 }] });
    expect(rollupSteps(plain, plain.areas[0]!, new Map([["build-q1", level(2)]]))).toBeNull();
  });
});
