import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { SCORING_VERSION, scoreAssessment } from "@/lib/scoring";
import { answersOf, level, notApplicable, testModel, unsure } from "@/lib/test-models";
import { assessmentAreaScores, assessmentScores } from "../schema";
import { backfillScores } from "../score-rows";
import { drivers, settlesWithin, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment } from "./visible-assessments";
import { syncModelVersions } from "./model-versions";
import { getAssessmentScore, latestTeamScores, listTeamScores } from "./scores";
import { createTeam } from "./teams";

const [model] = withContentId("scores-test", [
  testModel({
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 2 },
      { id: "learn", questions: 1 },
    ],
  }),
]) as [Model];

const answersA = { "build-q1": level(4), "build-q2": unsure, "run-q1": level(2), "run-q2": notApplicable("No servers"), "learn-q1": level(3) };
const answersB = { "build-q1": level(5), "build-q2": level(4), "run-q1": level(3), "run-q2": level(3), "learn-q1": unsure };

describe.each(drivers)("stored scores on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function submitted(org: string, teamId: string, answers: Record<string, ReturnType<typeof level>>) {
    const id = await startAssessment(t.ctx(org), teamId, model.id);
    for (const [questionId, answer] of Object.entries(answers)) await saveAnswer(t.ctx(org), { assessmentId: id, questionId, answer, note: null });
    await submitAssessment(t.ctx(org), id);
    return id;
  }

  it("stores the score when an assessment is submitted, equal to scoring its answers", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const id = await submitted(org, team.id, answersA);

    const expected = scoreAssessment(model, answersOf(answersA));
    expect(await getAssessmentScore(t.ctx(org), id)).toEqual(expected);
    expect(expected).toMatchObject({ waterLevel: 2.0, weakest: ["run"], spill: 0.5 });
    const [headline] = await t.handle.db.select().from(assessmentScores).where(eq(assessmentScores.assessmentId, id));
    expect(headline).toMatchObject({ organisationId: org, scoringVersion: SCORING_VERSION, levelAnswers: 3, unsureAnswers: 1, notApplicableAnswers: 1 });
  });

  it("lists a team's stored scores oldest first, and its latest", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const first = await submitted(org, team.id, answersA);
    const second = await submitted(org, team.id, answersB);
    // A draft has no stored score and never shows.
    await startAssessment(t.ctx(org), team.id, model.id);

    const listed = await listTeamScores(t.ctx(org), team.id);
    expect(listed.map((s) => s.assessmentId)).toEqual([first, second]);
    expect(listed.map((s) => s.score)).toEqual([scoreAssessment(model, answersOf(answersA)), scoreAssessment(model, answersOf(answersB))]);
    expect(listed[0]).toMatchObject({ modelId: model.id, modelVersion: "1.0.0", submittedAt: expect.any(Date) });
    expect((await latestTeamScores(t.ctx(org), team.id, 1))[0]?.assessmentId).toBe(second);
    expect((await latestTeamScores(t.ctx(org), team.id, 2)).map((s) => s.assessmentId)).toEqual([second, first]);
    expect(await latestTeamScores(t.ctx(org), (await createTeam(t.ctx(org), "Empty")).id, 1)).toEqual([]);
  });

  it("keeps another organisation's scores out of reach", async () => {
    const org = await t.organisation();
    const other = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const id = await submitted(org, team.id, answersA);

    expect(await getAssessmentScore(t.ctx(other), id)).toBeUndefined();
    expect(await listTeamScores(t.ctx(other), team.id)).toEqual([]);
  });

  it("computes missing scores, and ones from older scoring rules, when back-filled at start-up", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const missing = await submitted(org, team.id, answersA);
    const outdated = await submitted(org, team.id, answersB);
    // As a database written before scores were stored, or by older rules, would be.
    await t.handle.db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, missing));
    await t.handle.db
      .update(assessmentScores)
      .set({ scoringVersion: SCORING_VERSION - 1, waterLevel: 0 })
      .where(eq(assessmentScores.assessmentId, outdated));
    expect(await getAssessmentScore(t.ctx(org), missing)).toBeUndefined();

    expect(await backfillScores(t.handle.db)).toBeGreaterThanOrEqual(2);

    expect(await getAssessmentScore(t.ctx(org), missing)).toEqual(scoreAssessment(model, answersOf(answersA)));
    expect(await getAssessmentScore(t.ctx(org), outdated)).toEqual(scoreAssessment(model, answersOf(answersB)));
    expect(await t.handle.db.$count(assessmentAreaScores, eq(assessmentAreaScores.assessmentId, missing))).toBe(3);
    expect(await backfillScores(t.handle.db)).toBe(0);
    expect((await getAssessment(t.ctx(org), missing))?.status).toBe("submitted");
  });

  it("stores each missing score once when several instances back-fill at the same moment", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const ids = [await submitted(org, team.id, answersA), await submitted(org, team.id, answersB)];
    await t.handle.db.delete(assessmentScores).where(inArray(assessmentScores.assessmentId, ids));

    const counts = await settlesWithin(20_000, Promise.all([backfillScores(t.handle.db, 1), backfillScores(t.handle.db, 1), backfillScores(t.handle.db, 1)]));

    // Other suites may add work of their own on a shared database; ours is scored once, by someone.
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    expect(await getAssessmentScore(t.ctx(org), ids[0]!)).toEqual(scoreAssessment(model, answersOf(answersA)));
    expect(await t.handle.db.$count(assessmentScores, inArray(assessmentScores.assessmentId, ids))).toBe(2);
    expect(await t.handle.db.$count(assessmentAreaScores, inArray(assessmentAreaScores.assessmentId, ids))).toBe(6);
  });
});
