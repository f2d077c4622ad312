import { describe, expect, it } from "vitest";
import { testModel } from "../test-models";
import type { Model } from "./schema";
import { changesText, matchQuestions, modelChanges } from "./changes";

const v1 = testModel({ areas: [{ id: "build", questions: 3 }] });

/** Version 2: build-q1 kept, build-q2 reworded, build-q3 renamed to build-speed, build-q4 new; nothing removed. */
function v2(): Model {
  const [q1, q2, q3] = v1.areas[0]!.questions;
  return {
    ...v1,
    version: "2.0.0",
    areas: [
      {
        ...v1.areas[0]!,
        questions: [
          q1!,
          { ...q2!, prompt: `${q2!.prompt} (in production)` },
          { ...q3!, id: "build-speed", replaces: "build-q3" },
          { ...q1!, id: "build-q4", title: "A new question" },
        ],
      },
    ],
  };
}

describe("what changed between model versions", () => {
  it("matches questions by id, or by the id they replace", () => {
    expect([...matchQuestions(v1, v2())]).toEqual([
      ["build-q1", "build-q1"],
      ["build-q2", "build-q2"],
      ["build-speed", "build-q3"],
    ]);
  });

  it("lists what was added, removed, renamed and reworded", () => {
    const changes = modelChanges(v1, v2());
    expect(changes.added.map((q) => q.questionId)).toEqual(["build-q4"]);
    expect(changes.removed).toEqual([]);
    expect(changes.renamed).toEqual([{ questionId: "build-speed", title: v1.areas[0]!.questions[2]!.title, from: "build-q3" }]);
    expect(changes.reworded.map((q) => q.questionId)).toEqual(["build-q2"]);
    expect(changesText(changes)).toBe("1 question added, 1 question renamed, 1 question reworded");
    // Going back the other way, the new question is gone and the renamed one is no longer matched.
    expect(modelChanges(v2(), v1).removed.map((q) => q.questionId)).toEqual(["build-speed", "build-q4"]);
    expect(changesText(modelChanges(v1, v1))).toBe("no question changed");
  });
});
