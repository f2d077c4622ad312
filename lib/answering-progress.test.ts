import { describe, expect, it } from "vitest";
import { answeringProgress } from "./answering-progress";
import { questionSeconds } from "./answering-time";

const cost = { words: 100, glance: 10 };
const areas = [
  { id: "a", name: "A", summary: "", questionIds: ["a1", "a2", "a3"], costs: [cost, cost, cost] },
  { id: "b", name: "B", summary: "", questionIds: ["b1"], costs: [cost] },
];

describe("answering progress", () => {
  it("counts done, carried and open questions per area and in all, with the time each leaves", () => {
    const answered = new Set(["a1", "a2", "b1"]);
    const unreviewed = new Set(["a2", "b1"]);
    const p = answeringProgress(
      areas,
      (id) => answered.has(id),
      (id) => unreviewed.has(id),
    );
    expect(p.perArea.map(({ done, toReview, total }) => [done, toReview, total])).toEqual([
      [1, 1, 3],
      [0, 1, 1],
    ]);
    expect(p.perArea[0]!.seconds).toBeCloseTo(questionSeconds(cost, "carried") + questionSeconds(cost, "open"));
    expect({ done: p.done, toReview: p.toReview, total: p.total }).toEqual({ done: 1, toReview: 2, total: 4 });
    expect(p.seconds).toBeCloseTo(2 * questionSeconds(cost, "carried") + questionSeconds(cost, "open"));
    expect(["a1", "a2", "a3"].map(p.stateOf)).toEqual(["done", "carried", "open"]);
  });

  it("leaves nothing once every question is answered and reviewed", () => {
    const p = answeringProgress(
      areas,
      () => true,
      () => false,
    );
    expect({ done: p.done, toReview: p.toReview, seconds: p.seconds }).toEqual({ done: 4, toReview: 0, seconds: 0 });
  });
});
