import { describe, expect, it } from "vitest";
import { firstRunSteps, type FirstRunProgress } from "./first-run";

const none: FirstRunProgress = { teamCreated: false, peopleInvited: false, assessmentSubmitted: false, cadenceSet: false };

describe("a new organisation's checklist", () => {
  it("shows every step with where to do it, in order, when nothing is done", () => {
    const steps = firstRunSteps(none, undefined)!;
    expect(steps.map((s) => [s.label, s.done, s.action?.href])).toEqual([
      ["Create a team", false, "#create-team"],
      ["Invite people", false, "/members"],
      ["Run the first assessment", false, "#create-team"],
      ["Set how often teams assess themselves", false, "#create-team"],
    ]);
  });

  it("sends the team steps to a team's page once there is a team", () => {
    const steps = firstRunSteps({ ...none, teamCreated: true }, "t1")!;
    expect(steps[0]).toEqual({ key: "teamCreated", label: "Create a team", done: true });
    expect(steps[2]!.action).toEqual({ text: "Start one on the team’s page", href: "/teams/t1" });
    expect(steps[3]!.action).toEqual({ text: "Choose the team’s cadence", href: "/teams/t1#cadence-heading" });
  });

  it("marks each step done from the data, step by step", () => {
    const halfway = firstRunSteps({ teamCreated: true, peopleInvited: true, assessmentSubmitted: false, cadenceSet: false }, "t1")!;
    expect(halfway.map((s) => s.done)).toEqual([true, true, false, false]);
    expect(halfway.filter((s) => s.done).every((s) => s.action === undefined)).toBe(true);
    const almost = firstRunSteps({ teamCreated: true, peopleInvited: true, assessmentSubmitted: true, cadenceSet: false }, "t1")!;
    expect(almost.map((s) => s.done)).toEqual([true, true, true, false]);
  });

  it("disappears once every step is done", () => {
    expect(firstRunSteps({ teamCreated: true, peopleInvited: true, assessmentSubmitted: true, cadenceSet: true }, "t1")).toBeUndefined();
  });
});
