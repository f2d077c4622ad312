import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "@/lib/answer";
import { importSamm } from "@/lib/model/samm";
import { sammExcerptFiles } from "@/lib/model/samm-fixtures";
import type { Model } from "@/lib/model/schema";
import { imported, sammTieExample } from "@/lib/model/test-samm";
import { scoreAssessment } from "@/lib/scoring";
import { answersOf, level, notApplicable, unsure } from "@/lib/test-models";
import { assessmentAreaScores, assessmentScores } from "../schema";
import { backfillScores } from "../score-rows";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { syncModelVersions } from "./model-versions";
import { getAssessmentScore } from "./scores";
import { setTarget } from "./targets";
import { createTeam } from "./teams";

// The real SAMM v2.2.0 excerpt: Design's Secure Architecture practice, streams A and B, maturity levels 1 to 3.
const [byFunction, byPractice] = (["functions", "practices"] as const).map(
  (areas) => withContentId(`samm-${areas}`, [imported(importSamm(sammExcerptFiles(), { areas })).model])[0]!,
) as [Model, Model];

// Stream A: Yes for most or all (1) + at least half (0.5) + No (0) = 1.5.
// Stream B: some (0.25) + unsure (counted as No, 0) + not applicable (left out) = 0.25.
// Secure Architecture = (1.5 + 0.25) / 2 = 0.875; Design, its only practice here, the same: 0.88 of 3 (29 %), to SAMM's two decimals.
const answers: Record<string, AnswerValue> = {
  "d-sa-a-1": level(4),
  "d-sa-a-2": level(3),
  "d-sa-a-3": level(1),
  "d-sa-b-1": level(2),
  "d-sa-b-2": unsure,
  "d-sa-b-3": notApplicable("No technology domains of our own"),
};

// Three practices at 1.125, 1.0833… and 1.0625 (lib/model/test-samm.ts): 1.13, 1.08 and 1.06 to two decimals, all 1.1 to one.
const [tieTwo, tieOne] = ([2, undefined] as const).map((decimals) => {
  const { model, answers } = sammTieExample(decimals);
  return { model: withContentId(`samm-tie-${decimals ?? 1}`, [model])[0]!, answers: Object.fromEntries(answers) };
}) as [{ model: Model; answers: Record<string, AnswerValue> }, { model: Model; answers: Record<string, AnswerValue> }];

describe.each(drivers)("a SAMM assessment's stored scores on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [byFunction, byPractice, tieTwo.model, tieOne.model]);
  });

  async function submitted(org: string, model: Model, given: Record<string, AnswerValue> = answers) {
    const team = await createTeam(t.ctx(org), `Team ${model.id}`);
    const id = await startAssessment(t.ctx(org), team.id, model.id);
    for (const [questionId, answer] of Object.entries(given)) await saveAnswer(t.ctx(org), { assessmentId: id, questionId, answer, note: null });
    await submitAssessment(t.ctx(org), id);
    return id;
  }

  it("keeps the weakest stave as the figures show it: 1.13, 1.08 and 1.06 do not tie; to one decimal they do", async () => {
    const org = await t.organisation();
    const two = await getAssessmentScore(t.ctx(org), await submitted(org, tieTwo.model, tieTwo.answers));
    expect(two).toMatchObject({ waterLevel: 1.06, weakest: ["defect-management"], mean: 1.09, spill: 0.03 });
    expect(two?.areas.map((a) => a.score)).toEqual([1.13, 1.08, 1.06]);
    const one = await getAssessmentScore(t.ctx(org), await submitted(org, tieOne.model, tieOne.answers));
    expect(one).toMatchObject({ waterLevel: 1.1, weakest: ["threat-assessment", "secure-build", "defect-management"], spill: 0 });
  });

  it("stores SAMM's score at submit, by business function and by practice, and the back-fill computes the same", async () => {
    const org = await t.organisation();
    for (const [model, areaId] of [
      [byFunction, "design"],
      [byPractice, "design-secure-architecture"],
    ] as const) {
      const id = await submitted(org, model);
      const stored = await getAssessmentScore(t.ctx(org), id);
      expect(stored).toEqual(scoreAssessment(model, answersOf(answers)));
      expect(stored).toMatchObject({ waterLevel: 0.88, weakest: [areaId], spill: 0, mean: 0.88 });
      const [area] = await t.handle.db.select().from(assessmentAreaScores).where(eq(assessmentAreaScores.assessmentId, id));
      expect(area).toMatchObject({ areaId, score: 0.88, percent: 29, sum: 1.75, scored: 5, unsure: 1, notApplicable: 1 });

      await t.handle.db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, id));
      expect(await backfillScores(t.handle.db)).toBeGreaterThanOrEqual(1);
      expect(await getAssessmentScore(t.ctx(org), id)).toEqual(stored);
    }
  });

  it("sets a target on SAMM's 0–3 range: a maturity level above the score, at most 3", async () => {
    const org = await t.organisation();
    const id = await submitted(org, byFunction);
    const now = new Date("2026-12-07T10:00:00Z");
    await expectAppError(setTarget(t.ctx(org), { assessmentId: id, level: 4, dueOn: "2027-03-31" }, now), "invalid_input", /stops at 3/);
    const target = await setTarget(t.ctx(org), { assessmentId: id, level: 2, dueOn: "2027-03-31" }, now);
    expect(target).toMatchObject({ areaId: "design", fromScore: 0.88, level: 2 });
  });
});
