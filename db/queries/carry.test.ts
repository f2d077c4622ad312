import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AnswerValue, StoredAnswer } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel, unsure } from "@/lib/test-models";
import type { Ctx } from "../context";
import { assessments, modelVersions } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { carryPreview, confirmCarried } from "./carry";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

// Starting the next assessment from the last one (lib/carry.ts) on a draft answered together.
// Answered by each member: carry-respondents.test.ts.

const [model] = withContentId("carry-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

/** The model with one question saying it `replaces` an id of an earlier version. */
const replacing = (m: Model, questionId: string, replaces: string): Model => ({
  ...m,
  areas: m.areas.map((a) => ({ ...a, questions: a.questions.map((q) => (q.id === questionId ? { ...q, replaces } : q)) })),
});

// Two versions of another model: 1.1.0 renames build-q2 to build-speed, adds build-new, drops
// build-q3, and its scale stops at 4.
const [v1, v2] = withContentId("carry-test-versions", [
  testModel({
    version: "1.0.0",
    areas: [
      { id: "build", questions: 3 },
      { id: "run", questions: 1 },
    ],
  }),
  replacing(
    testModel({
      version: "1.1.0",
      scale: [1, 2, 3, 4],
      areas: [
        { id: "build", questions: ["build-q1", "build-speed", "build-new"] },
        { id: "run", questions: 1 },
      ],
    }),
    "build-speed",
    "build-q2",
  ),
]) as [Model, Model];

type Given = Record<string, [AnswerValue, string | null]>;

/** What the team answered last time: a level, unsure and not applicable, with and without notes. */
const lastTime: Given = {
  "build-q1": [level(3), "Pipelines for every service"],
  "build-q2": [unsure, null],
  "run-q1": [notApplicable("No servers"), "All serverless"],
};

/** Answers as [question, value, note, carried], in question order. */
const rows = (answers: readonly StoredAnswer[]) =>
  [...answers].sort((a, b) => a.questionId.localeCompare(b.questionId)).map((a) => [a.questionId, a.value, a.note, a.carried]);

describe.each(drivers)("carrying answers to the next assessment on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
    // Synced one after the other, so 1.1.0 is the newer version.
    await syncModelVersions(t.handle.db, [v1]);
    await syncModelVersions(t.handle.db, [v2]);
  });

  async function answer(ctx: Ctx, assessmentId: string, given: Given) {
    for (const [questionId, [value, note]] of Object.entries(given)) await saveAnswer(ctx, { assessmentId, questionId, answer: value, note });
  }

  /** An organisation and a team whose last assessment (answered together) was submitted, and its next draft. */
  async function carriedDraft() {
    const org = await t.organisation();
    const team = (await createTeam(t.ctx(org), "Payments")).id;
    const memberId = await t.member(org, "member", "Ana");
    await addTeamMember(t.ctx(org), team, memberId);
    const ana = t.as(org, memberId, "member");
    const last = await startAssessment(ana, team, model.id);
    await answer(ana, last, lastTime);
    await submitAssessment(ana, last);
    const next = await startAssessment(ana, team, model.id);
    return { org, team, ana, last, next };
  }

  const carriedStates = async (ctx: Ctx, id: string) => Object.fromEntries((await getAssessment(ctx, id))!.answers.map((a) => [a.questionId, a.carried]));

  it("starts the next assessment with every answer and note of the last, none reviewed yet", async () => {
    const { ana, last, next } = await carriedDraft();
    const submitted = (await getAssessment(ana, last))!;
    const draft = (await getAssessment(ana, next))!;

    expect(next).not.toBe(last);
    expect(draft.status).toBe("draft");
    expect(draft.carriedFrom).toEqual({ id: last, submittedAt: submitted.submittedAt });
    expect(rows(draft.answers)).toEqual([
      ["build-q1", level(3), "Pipelines for every service", "unreviewed"],
      ["build-q2", unsure, null, "unreviewed"],
      ["run-q1", notApplicable("No servers"), "All serverless", "unreviewed"],
    ]);
    // The submitted assessment itself is untouched.
    expect(rows(submitted.answers).map((r) => r[3])).toEqual([null, null, null]);
  });

  it("starts blank when asked to, and an answer given there is not carried", async () => {
    const org = await t.organisation();
    const team = (await createTeam(t.ctx(org), "Payments")).id;
    const last = await startAssessment(t.ctx(org), team, model.id);
    await answer(t.ctx(org), last, lastTime);
    await submitAssessment(t.ctx(org), last);

    const blank = await startAssessment(t.ctx(org), team, model.id, { from: "blank" });
    const draft = (await getAssessment(t.ctx(org), blank))!;
    expect(draft.answers).toEqual([]);
    expect(draft.carriedFrom).toBeNull();

    await saveAnswer(t.ctx(org), { assessmentId: blank, questionId: "build-q1", answer: level(2), note: null });
    expect(await carriedStates(t.ctx(org), blank)).toEqual({ "build-q1": null });
  });

  it("carries across versions: by id and by `replaces`, nothing for a new or dropped question or a level off the new scale", async () => {
    const org = await t.organisation();
    const team = (await createTeam(t.ctx(org), "Payments")).id;
    const last = await startAssessment(t.ctx(org), team, v1.id);
    // startAssessment takes the newest version: pin this one to 1.0.0, as if started before 1.1.0 came out.
    const [stored] = await t.handle.db
      .select({ id: modelVersions.id })
      .from(modelVersions)
      .where(and(isNull(modelVersions.organisationId), eq(modelVersions.modelId, v1.id), eq(modelVersions.version, "1.0.0")));
    await t.handle.db.update(assessments).set({ modelVersionId: stored!.id }).where(eq(assessments.id, last));
    await answer(t.ctx(org), last, {
      "build-q1": [level(4), "Four"],
      "build-q2": [unsure, "Renamed since"],
      "build-q3": [level(2), "Dropped since"],
      "run-q1": [level(5), "Off the new scale"],
    });
    await submitAssessment(t.ctx(org), last);
    const submittedAt = (await getAssessment(t.ctx(org), last))!.submittedAt;

    expect(await carryPreview(t.ctx(org), team, v2.id, v2)).toEqual({ from: submittedAt, carried: ["build-q1", "build-speed"] });
    const next = await startAssessment(t.ctx(org), team, v2.id);
    const draft = (await getAssessment(t.ctx(org), next))!;
    expect(draft.model.version).toBe("1.1.0");
    expect(draft.carriedFrom).toEqual({ id: last, submittedAt });
    expect(rows(draft.answers)).toEqual([
      ["build-q1", level(4), "Four", "unreviewed"],
      ["build-speed", unsure, "Renamed since", "unreviewed"],
    ]);
  });

  it("reviews a carried answer when it is saved again, unchanged or changed", async () => {
    const { ana, next } = await carriedDraft();
    await saveAnswer(ana, { assessmentId: next, questionId: "build-q1", answer: level(3), note: "Pipelines for every service" });
    await saveAnswer(ana, { assessmentId: next, questionId: "build-q2", answer: level(4), note: "We measured it" });

    expect(rows((await getAssessment(ana, next))!.answers)).toEqual([
      ["build-q1", level(3), "Pipelines for every service", "reviewed"],
      ["build-q2", level(4), "We measured it", "reviewed"],
      ["run-q1", notApplicable("No servers"), "All serverless", "unreviewed"],
    ]);
  });

  it("refuses to submit while a carried answer is unreviewed, and confirms an area at a time", async () => {
    const { ana, team, next } = await carriedDraft();

    await expectAppError(submitAssessment(ana, next), "incomplete", /^3 carried answers are not yet reviewed\./);
    expect((await getAssessment(ana, next))!).toMatchObject({ status: "draft", submittedAt: null });

    expect((await confirmCarried(ana, next, "build")).sort()).toEqual(["build-q1", "build-q2"]);
    expect(await carriedStates(ana, next)).toEqual({ "build-q1": "reviewed", "build-q2": "reviewed", "run-q1": "unreviewed" });
    await expectAppError(submitAssessment(ana, next), "incomplete", /^1 carried answer is not yet reviewed\./);
    expect((await getAssessment(ana, next))!.status).toBe("draft");
    // Confirming an area again confirms nothing more.
    expect(await confirmCarried(ana, next, "build")).toEqual([]);

    expect(await confirmCarried(ana, next, "run")).toEqual(["run-q1"]);
    expect(await submitAssessment(ana, next)).toEqual({ teamId: team });
    expect((await getAssessment(ana, next))!.status).toBe("submitted");
    // The assessment after it starts from it, the newest submission.
    const after = await startAssessment(ana, team, model.id);
    expect((await getAssessment(ana, after))!.carriedFrom?.id).toBe(next);
  });

  it("refuses to confirm an unknown area, a submitted assessment, or for anyone who may not answer it, writing nothing", async () => {
    const { org, team, last, next } = await carriedDraft();
    const before = { "build-q1": "unreviewed", "build-q2": "unreviewed", "run-q1": "unreviewed" };

    await expectAppError(confirmCarried(t.ctx(org), next, "deploy"), "invalid_input", /“deploy” is not an area/);
    await expectAppError(confirmCarried(t.ctx(org), last, "build"), "read_only");
    const outsider = t.as(org, await t.member(org, "member", "Not in the team"), "member");
    await expectAppError(confirmCarried(outsider, next, "build"), "forbidden");
    const viewerId = await t.member(org, "viewer", "Vic Viewer");
    await addTeamMember(t.ctx(org), team, viewerId);
    await expectAppError(confirmCarried(t.as(org, viewerId, "viewer"), next, "build"), "forbidden");
    const elsewhere = await t.organisation();
    await expectAppError(confirmCarried(t.ctx(elsewhere), next, "build"), "not_found");

    expect(await carriedStates(t.ctx(org), next)).toEqual(before);
    expect((await getAssessment(t.ctx(org), last))!.status).toBe("submitted");
  });

  it("previews what the next assessment would carry and from when; nothing without a submission of that model", async () => {
    const { org, ana, team, last } = await carriedDraft();
    const submittedAt = (await getAssessment(ana, last))!.submittedAt;

    expect(await carryPreview(ana, team, model.id, model)).toEqual({ from: submittedAt, carried: ["build-q1", "build-q2", "run-q1"] });
    // The same team has never submitted the other model; another team has submitted nothing.
    expect(await carryPreview(ana, team, v2.id, v2)).toBeUndefined();
    const other = (await createTeam(t.ctx(org), "Search")).id;
    await startAssessment(t.ctx(org), other, model.id);
    expect(await carryPreview(t.ctx(org), other, model.id, model)).toBeUndefined();
  });
});
