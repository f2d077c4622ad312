import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel, unsure } from "@/lib/test-models";
import { answers } from "../schema";
import { drivers, expectAppError, settlesWithin, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("answers-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];
// Used by one test only, so its version is not in the process's model cache when that test runs.
const [uncached] = withContentId("answers-test-uncached", [testModel({ areas: [{ id: "solo", questions: 1 }] })]) as [Model];

describe.each(drivers)("saveAnswer on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model, uncached]);
  });

  async function draft(org: string): Promise<string> {
    const team = await createTeam(t.ctx(org), "Payments");
    return startAssessment(t.ctx(org), team.id, model.id);
  }

  const rows = (assessmentId: string) => t.handle.db.select().from(answers).where(eq(answers.assessmentId, assessmentId));

  const stored = async (org: string, assessmentId: string) => new Map((await getAssessment(t.ctx(org), assessmentId))!.answers.map((a) => [a.questionId, a]));

  it("saves a level with a note and returns when it was saved", async () => {
    const org = await t.organisation();
    const id = await draft(org);

    const savedAt = await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(4), note: "CI on every push" });

    expect(savedAt).toBeInstanceOf(Date);
    const answer = (await stored(org, id)).get("build-q1");
    expect(answer).toEqual({
      questionId: "build-q1",
      value: { kind: "level", level: 4 },
      note: "CI on every push",
      updatedAt: savedAt,
      carried: null,
    });
  });

  it("replaces the earlier answer to the same question", async () => {
    const org = await t.organisation();
    const id = await draft(org);
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(2), note: "first" });

    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: unsure, note: null });
    expect((await stored(org, id)).get("build-q1")).toMatchObject({ value: { kind: "unsure" }, note: null });

    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(5), note: "again" });
    expect((await stored(org, id)).get("build-q1")).toMatchObject({ value: { kind: "level", level: 5 }, note: "again" });
    expect(await rows(id)).toHaveLength(1);
  });

  it("saves not applicable with its reason, and clears the reason when the answer becomes a level", async () => {
    const org = await t.organisation();
    const id = await draft(org);

    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "run-q1", answer: notApplicable("We run no servers"), note: null });
    expect((await stored(org, id)).get("run-q1")?.value).toEqual({ kind: "not_applicable", reason: "We run no servers" });

    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "run-q1", answer: level(1), note: null });
    const [row] = await rows(id);
    expect(row).toMatchObject({ kind: "level", level: 1, reason: null });
  });

  it("refuses a question that is not in the model and writes nothing", async () => {
    const org = await t.organisation();
    const id = await draft(org);

    await expectAppError(
      saveAnswer(t.ctx(org), { assessmentId: id, questionId: "nope-q1", answer: level(3), note: null }),
      "invalid_input",
      `“nope-q1” is not a question of Test model 1.0.0.`,
    );
    expect(await rows(id)).toEqual([]);
  });

  it("refuses a level that is not on the model's scale, naming the scale", async () => {
    const org = await t.organisation();
    const id = await draft(org);

    await expectAppError(
      saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(9), note: null }),
      "invalid_input",
      "Level 9 is not on this model's scale (1 to 5).",
    );
    await expectAppError(
      saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(0), note: null }),
      "invalid_input",
      "Level 0 is not on this model's scale (1 to 5).",
    );
    expect(await rows(id)).toEqual([]);
  });

  it("does not find another organisation's assessment and writes nothing", async () => {
    const theirs = await t.organisation();
    const id = await draft(theirs);
    await saveAnswer(t.ctx(theirs), { assessmentId: id, questionId: "build-q1", answer: level(2), note: null });
    const mine = await t.organisation();

    await expectAppError(
      saveAnswer(t.ctx(mine), { assessmentId: id, questionId: "build-q1", answer: level(5), note: "overwrite" }),
      "not_found",
      "The assessment was not found.",
    );
    await expectAppError(saveAnswer(t.ctx(mine), { assessmentId: id, questionId: "run-q1", answer: unsure, note: null }), "not_found");
    expect((await rows(id)).map((r) => [r.organisationId, r.questionId, r.level, r.note])).toEqual([[theirs, "build-q1", 2, null]]);
  });

  it("reports an unknown assessment as not found", async () => {
    const org = await t.organisation();

    await expectAppError(saveAnswer(t.ctx(org), { assessmentId: randomUUID(), questionId: "build-q1", answer: level(2), note: null }), "not_found");
  });

  it("refuses to change a submitted assessment and leaves its answers as they were", async () => {
    const org = await t.organisation();
    const id = await draft(org);
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(2), note: "kept" });
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q2", answer: unsure, note: null });
    await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "run-q1", answer: notApplicable(), note: null });
    await submitAssessment(t.ctx(org), id);
    const before = await rows(id);

    await expectAppError(
      saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(5), note: "changed" }),
      "read_only",
      /submitted and is read-only/,
    );
    expect(await rows(id)).toEqual(before);
  });

  it("refuses a member of another team as forbidden, not as read-only, and writes nothing", async () => {
    const org = await t.organisation();
    const id = await draft(org);
    const member = await t.member(org, "member");
    const other = await createTeam(t.ctx(org), "Search");
    await addTeamMember(t.ctx(org), other.id, member);

    await expectAppError(saveAnswer(t.as(org, member, "member"), { assessmentId: id, questionId: "build-q1", answer: level(3), note: null }), "forbidden");
    expect(await rows(id)).toEqual([]);
  });

  // Last, so that if it ever deadlocks PGlite again, only this suite's clean-up waits behind it.
  it("saves the first answer for a model version the process has not loaded yet", async () => {
    // As after a server restart. On PGlite a lookup outside the saving transaction would wait for it forever.
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const id = await startAssessment(t.ctx(org), team.id, uncached.id);

    await settlesWithin(5_000, saveAnswer(t.ctx(org), { assessmentId: id, questionId: "solo-q1", answer: level(3), note: null }));
    expect((await stored(org, id)).get("solo-q1")?.value).toEqual({ kind: "level", level: 3 });
  });
});
