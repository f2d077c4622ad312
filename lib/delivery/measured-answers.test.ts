import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../answer";
import type { Model } from "../model/schema";
import { scoreAssessment } from "../scoring";
import { capAnswers, loweredAreas, measuredAnswers } from "./measured-answers";
import { metricsWith } from "./test-metrics";

const question = (id: string, measured = false) => ({
  id,
  title: id,
  prompt: "?",
  why: "!",
  levels: ["a", "b", "c", "d", "e"],
  next: ["b", "c", "d", "e"],
  ...(measured && { measured_by: { metric: "deployment-frequency" as const, thresholds: [0.23, 1, 5, 15] } }),
});
const model: Model = {
  id: "m",
  version: "1.0.0",
  name: "M",
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
  areas: [
    { id: "cicd", name: "CI/CD", summary: "s", questions: [question("deploy", true), question("build")] },
    { id: "run", name: "Run", summary: "s", questions: [question("logs")] },
  ],
};
const metrics = (deploymentsPerWeek: number) => metricsWith({ deploymentsPerWeek });
const level = (l: number): AnswerValue => ({ kind: "level", level: l });
const answers = new Map<string, AnswerValue>([
  ["deploy", level(5)],
  ["build", level(5)],
  ["logs", level(3)],
]);

describe("measuredAnswers", () => {
  it("puts the measured level beside the answer, and says when the answer is above it", () => {
    const [deploy] = measuredAnswers(model, answers, 8106, metrics(1.5));
    expect(deploy).toMatchObject({ questionId: "deploy", areaId: "cicd", answered: 5, level: 3, metricValue: 1.5, quarter: 8106, above: true });
    expect(measuredAnswers(model, new Map([["deploy", level(3)]]), 8106, metrics(1.5))[0]).toMatchObject({ answered: 3, above: false });
    expect(measuredAnswers(model, new Map([["deploy", { kind: "unsure" }]]), 8106, metrics(1.5))[0]).toMatchObject({ answered: null, above: false });
  });

  it("has nothing to say without the quarter's metrics", () => {
    expect(measuredAnswers(model, answers, 8106, undefined)).toEqual([]);
  });
});

describe("capAnswers: the measured level caps the answer in scores", () => {
  it("counts an answer above the measured level as the measured level, and lowers its stave", () => {
    const measured = measuredAnswers(model, answers, 8106, metrics(0.5));
    const capped = capAnswers(answers, measured);
    expect(capped.get("deploy")).toEqual(level(2));
    expect(capped.get("build")).toEqual(level(5));
    expect(scoreAssessment(model, answers).areas[0]!.score).toBe(5);
    const score = scoreAssessment(model, capped);
    expect(score.areas.map((a) => a.score)).toEqual([3.5, 3]);
    expect(score.waterLevel).toBe(3);
    expect(loweredAreas(measured)).toEqual(["cicd"]);
  });

  it("never raises an answer, and leaves unsure and not applicable as they are", () => {
    const given = new Map<string, AnswerValue>([["deploy", level(1)]]);
    expect(capAnswers(given, [{ questionId: "deploy", level: 4 }]).get("deploy")).toEqual(level(1));
    const na: AnswerValue = { kind: "not_applicable", reason: "no service" };
    expect(capAnswers(new Map([["deploy", na]]), [{ questionId: "deploy", level: 1 }]).get("deploy")).toEqual(na);
    expect(capAnswers(new Map([["deploy", { kind: "unsure" }]]), [{ questionId: "deploy", level: 1 }]).get("deploy")).toEqual({ kind: "unsure" });
    expect(loweredAreas(measuredAnswers(model, given, 8106, metrics(40)))).toEqual([]);
  });

  it("leaves the answers alone when nothing is measured", () => {
    expect(capAnswers(answers, [])).toEqual(answers);
  });
});
