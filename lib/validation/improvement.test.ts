import { describe, expect, it } from "vitest";
import { addAnnotationSchema, addStepActionSchema, createActionSchema, setTargetSchema, updateActionSchema } from "./improvement";
import { ASSESSMENT_ID, errors } from "./test-schemas";

const USER = "7d1e0c3a-2b4f-4a6e-8d9c-1f2e3d4c5b6a";

describe("setTargetSchema", () => {
  it("reads a level and a calendar day", () => {
    expect(setTargetSchema.parse({ assessmentId: ASSESSMENT_ID, level: "3", dueOn: "2027-03-31" })).toEqual({
      assessmentId: ASSESSMENT_ID,
      level: 3,
      dueOn: "2027-03-31",
    });
  });

  it("refuses an impossible date or a level that is not a whole number", () => {
    expect(errors(setTargetSchema, { assessmentId: ASSESSMENT_ID, level: "3", dueOn: "2027-02-30" })).toEqual({
      dueOn: ["Enter the target date as a calendar day, e.g. 2027-03-31."],
    });
    expect(errors(setTargetSchema, { assessmentId: ASSESSMENT_ID, level: "3", dueOn: "next spring" }).dueOn).toHaveLength(1);
    expect(errors(setTargetSchema, { assessmentId: ASSESSMENT_ID, level: "2.5", dueOn: "2027-03-31" })).toEqual({
      level: ["Choose a target level from the list."],
    });
  });
});

describe("createActionSchema", () => {
  const base = { assessmentId: ASSESSMENT_ID, title: "  Alert on  symptoms ", aim: "area:observability" };

  it("reads an action with defaults: no owner, no date, planned", () => {
    expect(createActionSchema.parse(base)).toEqual({
      assessmentId: ASSESSMENT_ID,
      title: "Alert on symptoms",
      description: null,
      owner: null,
      dueOn: null,
      status: "planned",
      aim: { kind: "area", id: "observability" },
    });
  });

  it("reads a member owner, a named owner, a due date and a question aimed at", () => {
    expect(createActionSchema.parse({ ...base, owner: `member:${USER}`, dueOn: "2027-01-15", aim: "question:obs-alerting" })).toMatchObject({
      owner: { userId: USER },
      dueOn: "2027-01-15",
      aim: { kind: "question", id: "obs-alerting" },
    });
    expect(createActionSchema.parse({ ...base, owner: "other", ownerText: " Priya (SRE guild) " }).owner).toEqual({ text: "Priya (SRE guild)" });
    // A name typed counts even when the list was left at "no owner yet".
    expect(createActionSchema.parse({ ...base, owner: "", ownerText: "Priya" }).owner).toEqual({ text: "Priya" });
  });

  it("says what is wrong, field by field", () => {
    expect(errors(createActionSchema, { ...base, title: "" })).toEqual({ title: ["Give the action a title."] });
    expect(errors(createActionSchema, { ...base, owner: "other" })).toEqual({ ownerText: ["Type the owner's name, or choose a member."] });
    expect(errors(createActionSchema, { ...base, owner: "member:not-a-user" })).toEqual({ owner: ["Choose an owner from the list."] });
    expect(errors(createActionSchema, { ...base, owner: `member:${"-".repeat(36)}` })).toEqual({ owner: ["Choose an owner from the list."] });
    expect(errors(createActionSchema, { ...base, dueOn: "31/12/2026" })).toEqual({ dueOn: ["Enter the due date as a calendar day, e.g. 2027-03-31."] });
    expect(errors(createActionSchema, { ...base, status: "finished" })).toEqual({ status: ["Choose a status from the list."] });
    expect(errors(createActionSchema, { ...base, aim: "team:x" })).toEqual({ aim: ["Choose what the action aims at from the list."] });
    expect(errors(createActionSchema, { ...base, description: "x".repeat(1001) })).toEqual({
      description: ["The description can be at most 1000 characters."],
    });
    expect(errors(updateActionSchema, { ...base, actionId: "nope" })).toEqual({ actionId: ["Unknown action."] });
  });
});

describe("addStepActionSchema", () => {
  it("takes an assessment and a question id, and refuses anything else", () => {
    expect(addStepActionSchema.parse({ assessmentId: ASSESSMENT_ID, questionId: "obs-alerting" })).toEqual({
      assessmentId: ASSESSMENT_ID,
      questionId: "obs-alerting",
    });
    expect(errors(addStepActionSchema, { assessmentId: "nope", questionId: "obs-alerting" })).toEqual({ assessmentId: ["Unknown assessment."] });
    for (const questionId of ["", "x".repeat(81), "obs alerting", "<script>"]) {
      expect(errors(addStepActionSchema, { assessmentId: ASSESSMENT_ID, questionId })).toEqual({
        questionId: ["That question is not in this assessment's model."],
      });
    }
  });
});

describe("addAnnotationSchema", () => {
  it("refuses a 10 KB note, an empty one and a bad date", () => {
    expect(errors(addAnnotationSchema, { teamId: ASSESSMENT_ID, on: "2026-05-01", text: "x".repeat(10_240) })).toEqual({
      text: ["A note can be at most 140 characters."],
    });
    expect(errors(addAnnotationSchema, { teamId: ASSESSMENT_ID, on: "2026-05-01", text: "  " })).toEqual({
      text: ["Write what happened, e.g. “moved to Kubernetes”."],
    });
    expect(errors(addAnnotationSchema, { teamId: ASSESSMENT_ID, on: "yesterday", text: "reorg" })).toEqual({
      on: ["Enter the date of the note as a calendar day, e.g. 2027-03-31."],
    });
    expect(addAnnotationSchema.parse({ teamId: ASSESSMENT_ID, on: "2026-05-01", text: " moved to  Kubernetes " }).text).toBe("moved to Kubernetes");
  });
});
