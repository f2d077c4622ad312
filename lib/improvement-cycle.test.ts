import { describe, expect, it } from "vitest";
import { aimLabel, isOverdue, type ImprovementAction } from "./improvement-actions";
import { actionsByAim, openActions, previousCycle } from "./improvement-cycle";
import type { Target } from "./target";
import { testModel } from "./test-models";

const day = (iso: string) => `${iso}T10:00:00.000Z`;
const action = (over: Partial<ImprovementAction>): ImprovementAction => ({
  id: "x",
  assessmentId: "a1",
  agreedOn: day("2026-03-01"),
  title: "Do it",
  description: null,
  ownerUserId: null,
  ownerName: null,
  dueOn: null,
  status: "planned",
  areaId: "build",
  questionId: null,
  position: 0,
  ...over,
});
const target = (assessmentId: string): Target => ({
  assessmentId,
  areaId: "build",
  areaName: "Build",
  fromScore: 1.9,
  level: 3,
  dueOn: "2026-06-30",
  setOn: day("2026-03-02"),
  assessedOn: day("2026-03-01"),
});

describe("the improvement cycle", () => {
  const submitted = [
    { id: "a1", submittedAt: day("2026-03-01") },
    { id: "a2", submittedAt: day("2026-06-01") },
  ];
  const actions = [
    action({ id: "p1", position: 1 }),
    action({ id: "p0", position: 0, status: "done" }),
    action({ id: "n0", assessmentId: "a2", agreedOn: day("2026-06-01") }),
  ];

  it("finds the cycle before an assessment, with its target and its actions in order", () => {
    const cycle = previousCycle(submitted, [target("a1"), target("a2")], actions, day("2026-06-01"));
    expect(cycle).toMatchObject({ assessmentId: "a1", target: { assessmentId: "a1" } });
    expect(cycle!.actions.map((a) => a.id)).toEqual(["p0", "p1"]);
  });

  it("takes the newest cycle when starting the next assessment, and none before the first", () => {
    expect(previousCycle(submitted, [], actions)).toMatchObject({ assessmentId: "a2", target: undefined, actions: [{ id: "n0" }] });
    expect(previousCycle(submitted, [], actions, day("2026-03-01"))).toBeUndefined();
  });

  it("keeps every open action, whichever cycle agreed it, oldest first", () => {
    expect(openActions([...actions].reverse()).map((a) => a.id)).toEqual(["p1", "n0"]);
    expect(openActions([action({ status: "dropped" })])).toEqual([]);
  });

  it("groups actions by the question or area they aim at", () => {
    const byAim = actionsByAim([action({ id: "q", questionId: "build-q1" }), action({ id: "a" }), action({ id: "a2" })]);
    expect(Object.fromEntries(Object.entries(byAim).map(([aim, list]) => [aim, list.map((a) => a.id)]))).toEqual({
      "area:build": ["a", "a2"],
      "question:build-q1": ["q"],
    });
  });

  it("marks an open action overdue the day after its due day, in UTC", () => {
    expect(isOverdue(action({ dueOn: "2026-06-30" }), new Date("2026-06-30T23:59:00Z"))).toBe(false);
    expect(isOverdue(action({ dueOn: "2026-06-30" }), new Date("2026-07-01T00:00:00Z"))).toBe(true);
    expect(isOverdue(action({ dueOn: "2026-06-30", status: "done" }), new Date(day("2026-08-01")))).toBe(false);
    expect(isOverdue(action({ dueOn: null }), new Date(day("2026-08-01")))).toBe(false);
  });

  it("names what an action aims at from the model", () => {
    const model = testModel({ areas: [{ id: "build", questions: 2 }] });
    const question = model.areas[0]!.questions[0]!;
    expect(aimLabel(model, { areaId: "build", questionId: null })).toBe(model.areas[0]!.name);
    expect(aimLabel(model, { areaId: "build", questionId: question.id })).toBe(`${model.areas[0]!.name} · ${question.title}`);
    expect(aimLabel(model, { areaId: "gone", questionId: null })).toBe("gone");
  });
});
