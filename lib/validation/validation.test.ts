import { describe, expect, it } from "vitest";
import { saveAnswerSchema, startAssessmentSchema, submitAssessmentSchema, teamAnswerFormSchema } from "./assessment";
import { signUpSchema } from "./account";
import { isUuid } from "./ids";
import { createOrganisationSchema } from "./organisation";
import { archiveTeamSchema, createTeamSchema, renameTeamSchema, teamNameSchema } from "./team";
import { ASSESSMENT_ID, errors } from "./test-schemas";

describe("teamNameSchema", () => {
  it("trims a team name and collapses inner whitespace", () => {
    expect(teamNameSchema.parse("  Payments \t  Platform\n ")).toBe("Payments Platform");
  });

  it("asks for a name when it is empty or only whitespace", () => {
    expect(errors(teamNameSchema, "")).toEqual({ "": ["Enter a team name."] });
    expect(errors(teamNameSchema, "   ")).toEqual({ "": ["Enter a team name."] });
    expect(errors(createTeamSchema, {})).toEqual({ name: ["Enter a team name."] });
  });

  it("accepts 60 characters and rejects 61", () => {
    expect(teamNameSchema.parse("x".repeat(60))).toHaveLength(60);
    expect(errors(teamNameSchema, "x".repeat(61))).toEqual({ "": ["A team name can be at most 60 characters."] });
    // Whitespace that is collapsed does not count.
    expect(teamNameSchema.parse(` ${"x".repeat(30)}     ${"y".repeat(29)} `)).toHaveLength(60);
  });
});

describe("renameTeamSchema and archiveTeamSchema", () => {
  it("require a team id that is a uuid", () => {
    expect(errors(renameTeamSchema, { teamId: "42", name: "Ops" })).toEqual({ teamId: ["Unknown team."] });
    expect(renameTeamSchema.parse({ teamId: ASSESSMENT_ID, name: " Ops " })).toEqual({
      teamId: ASSESSMENT_ID,
      name: "Ops",
    });
  });

  it("read the archived flag from a form value", () => {
    expect(archiveTeamSchema.parse({ teamId: ASSESSMENT_ID, archived: "true" }).archived).toBe(true);
    expect(archiveTeamSchema.parse({ teamId: ASSESSMENT_ID, archived: "false" }).archived).toBe(false);
    expect(archiveTeamSchema.safeParse({ teamId: ASSESSMENT_ID, archived: "yes" }).success).toBe(false);
  });
});

describe("createOrganisationSchema", () => {
  it("trims the name and asks for one when it is blank", () => {
    expect(createOrganisationSchema.parse({ name: "  Acme   Corp " })).toEqual({ name: "Acme Corp" });
    expect(errors(createOrganisationSchema, { name: "  " })).toEqual({ name: ["Enter your organisation's name."] });
    expect(errors(createOrganisationSchema, { name: "x".repeat(81) })).toEqual({
      name: ["An organisation name can be at most 80 characters."],
    });
  });
});

describe("saveAnswerSchema", () => {
  const base = { assessmentId: ASSESSMENT_ID, questionId: "cicd-build" };

  it("accepts a level, unsure and not applicable with a reason", () => {
    expect(saveAnswerSchema.parse({ ...base, answer: { kind: "level", level: 3 } })).toEqual({
      ...base,
      answer: { kind: "level", level: 3 },
      note: null,
    });
    expect(saveAnswerSchema.parse({ ...base, answer: { kind: "unsure" } }).answer).toEqual({ kind: "unsure" });
    expect(saveAnswerSchema.parse({ ...base, answer: { kind: "not_applicable", reason: "  No servers of our own " } }).answer).toEqual({
      kind: "not_applicable",
      reason: "No servers of our own",
    });
  });

  it("asks why when not applicable comes without a reason", () => {
    const message = ["Say why this question does not apply."];
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "not_applicable" } })).toEqual({
      "answer.reason": message,
    });
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "not_applicable", reason: "   " } })).toEqual({
      "answer.reason": message,
    });
  });

  it("rejects a reason over 500 characters", () => {
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "not_applicable", reason: "r".repeat(501) } })).toEqual({
      "answer.reason": ["A reason can be at most 500 characters."],
    });
  });

  it("trims the note, keeps 2000 characters and rejects more", () => {
    const answer = { kind: "unsure" };
    expect(saveAnswerSchema.parse({ ...base, answer, note: "  see runbook  " }).note).toBe("see runbook");
    expect(saveAnswerSchema.parse({ ...base, answer, note: "n".repeat(2000) }).note).toHaveLength(2000);
    expect(errors(saveAnswerSchema, { ...base, answer, note: "n".repeat(2001) })).toEqual({
      note: ["A note can be at most 2000 characters."],
    });
  });

  it("stores an empty or blank note as null", () => {
    const answer = { kind: "unsure" };
    expect(saveAnswerSchema.parse({ ...base, answer, note: "" }).note).toBeNull();
    expect(saveAnswerSchema.parse({ ...base, answer, note: "  \n " }).note).toBeNull();
    expect(saveAnswerSchema.parse({ ...base, answer, note: null }).note).toBeNull();
  });

  it("rejects an assessment id that is not a uuid", () => {
    expect(errors(saveAnswerSchema, { ...base, assessmentId: "abc", answer: { kind: "unsure" } })).toEqual({
      assessmentId: ["Unknown assessment."],
    });
  });

  it("rejects an unknown kind of answer", () => {
    const message = ["Choose a level, “unsure” or “not applicable”."];
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "maybe" } })).toEqual({ "answer.kind": message });
    expect(errors(saveAnswerSchema, { ...base, answer: "level" })).toEqual({ answer: message });
  });

  it("rejects a level that is not a whole number", () => {
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "level", level: 2.5 } })).toEqual({
      "answer.level": ["Choose a level."],
    });
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "level" } })).toEqual({
      "answer.level": ["Choose a level."],
    });
  });
});

describe("startAssessmentSchema and submitAssessmentSchema", () => {
  it("require uuids for the team and the assessment", () => {
    expect(startAssessmentSchema.parse({ teamId: ASSESSMENT_ID, modelId: "devops-core" })).toEqual({
      teamId: ASSESSMENT_ID,
      modelId: "devops-core",
      respondents: "shared",
      from: "last",
    });
    expect(startAssessmentSchema.parse({ teamId: ASSESSMENT_ID, modelId: "devops-core", from: "blank" }).from).toBe("blank");
    expect(errors(startAssessmentSchema, { teamId: ASSESSMENT_ID, modelId: "devops-core", from: "sideways" })).toEqual({
      from: ["Choose whether to start from the last answers or blank."],
    });
    expect(startAssessmentSchema.parse({ teamId: ASSESSMENT_ID, modelId: "devops-core", respondents: "anonymous" }).respondents).toBe("anonymous");
    expect(errors(startAssessmentSchema, { teamId: ASSESSMENT_ID, modelId: "devops-core", respondents: "everyone" })).toEqual({
      respondents: ["Choose how the team answers."],
    });
    expect(errors(startAssessmentSchema, { teamId: "x", modelId: "devops-core" })).toEqual({
      teamId: ["Unknown team."],
    });
    expect(errors(submitAssessmentSchema, { assessmentId: "x" })).toEqual({ assessmentId: ["Unknown assessment."] });
  });
});

describe("isUuid", () => {
  it("tells a uuid from anything else", () => {
    expect(isUuid(ASSESSMENT_ID)).toBe(true);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(isUuid(`${ASSESSMENT_ID}x`)).toBe(false);
  });
});

describe("text PostgreSQL cannot store, and names nobody can see", () => {
  const base = { assessmentId: ASSESSMENT_ID, questionId: "cicd-build" };

  it("refuses a NUL character in a note, an N/A reason and a name, saying which", () => {
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "unsure" }, note: "before\u0000after" })).toEqual({
      note: ["A note cannot contain the NUL character (U+0000)."],
    });
    expect(errors(saveAnswerSchema, { ...base, answer: { kind: "not_applicable", reason: "no\u0000servers" } })).toEqual({
      "answer.reason": ["A reason cannot contain the NUL character (U+0000)."],
    });
    expect(errors(teamNameSchema, "Pay\u0000ments")).toEqual({ "": ["A team name cannot contain the NUL character (U+0000)."] });
    expect(errors(createOrganisationSchema, { name: "\u0000Acme" })).toEqual({ name: ["An organisation name cannot contain the NUL character (U+0000)."] });
    expect(errors(signUpSchema, { name: "Ada\u0000", email: "ada@example.com", password: "correct horse battery" })).toEqual({
      name: ["A name cannot contain the NUL character (U+0000)."],
    });
  });

  it("refuses names made only of invisible characters, and keeps names that merely contain one", () => {
    const invisible = "A team name needs visible characters; this one is made only of invisible ones (such as zero-width spaces).";
    for (const name of ["\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", " \u00ad ", "\u3164", "\u2800\u2800"]) {
      expect(errors(teamNameSchema, name)).toEqual({ "": [invisible] });
    }
    expect(errors(createOrganisationSchema, { name: "\u200b\u200b" })).toEqual({
      name: ["An organisation name needs visible characters; this one is made only of invisible ones (such as zero-width spaces)."],
    });
    expect(teamNameSchema.parse("Pay\u200bments")).toBe("Pay\u200bments");
    expect(teamNameSchema.parse("👩‍💻 Platform")).toBe("👩‍💻 Platform");
  });
});

describe("teamAnswerFormSchema", () => {
  const base = { assessmentId: ASSESSMENT_ID, questionId: "ci-pipeline" };
  it("reads a level, unsure or not applicable (with its reason) and a note as the answer", () => {
    expect(teamAnswerFormSchema.parse({ ...base, choice: "3", note: " agreed " })).toEqual({ ...base, answer: { kind: "level", level: 3 }, note: "agreed" });
    expect(teamAnswerFormSchema.parse({ ...base, choice: "unsure", reason: "x", note: "" }).answer).toEqual({ kind: "unsure" });
    expect(teamAnswerFormSchema.parse({ ...base, choice: "not_applicable", reason: " no servers " }).answer).toEqual({
      kind: "not_applicable",
      reason: "no servers",
    });
  });
  it("refuses a choice that is no level, and not applicable without a reason", () => {
    expect(errors(teamAnswerFormSchema, { ...base, choice: "high" })).toEqual({ "answer.level": ["Choose a level."] });
    expect(errors(teamAnswerFormSchema, { ...base, choice: "not_applicable", reason: "" })).toEqual({
      "answer.reason": ["Say why this question does not apply."],
    });
  });
});

describe("a model upload", () => {
  it("is refused over its size before it is parsed, with the limit named", async () => {
    const { modelUploadSchema } = await import("./models");
    const big = modelUploadSchema.safeParse({ source: "x".repeat(5_000_000), intent: "check" });
    expect(big.success ? "" : big.error.issues[0]!.message).toBe("A model file can be at most 900 KB; this one is larger.");
    const empty = modelUploadSchema.safeParse({ source: "   ", intent: "check" });
    expect(empty.success ? "" : empty.error.issues[0]!.message).toBe("Paste the model's YAML, or choose its file.");
    const nul = modelUploadSchema.safeParse({ source: "id: a\u0000", intent: "publish" });
    expect(nul.success ? "" : nul.error.issues[0]!.message).toMatch(/NUL/);
  });
});
