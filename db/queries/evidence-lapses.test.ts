import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dayOf } from "@/lib/evidence/expiry";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { saveEvidenceSchema } from "@/lib/validation/evidence";
import { backfillScores } from "../score-rows";
import { assessmentScores, auditEvents, evidenceLapses } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { saveEvidence } from "./evidence";
import { listEvidenceLapses, setStaleEvidenceRule, staleEvidenceRule, sweepEvidenceLapses } from "./evidence-lapses";
import { syncModelVersions } from "./model-versions";
import { getAssessmentScore } from "./scores";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("evidence-lapses-test", [
  testModel({
    id: "lapse-model",
    areas: [
      { id: "security", name: "Security", questions: 3 },
      { id: "build", name: "Build", questions: 2 },
    ],
  }),
]) as [Model];

const DAY = 86_400_000;
const daysFromNow = (n: number) => dayOf(new Date(Date.now() + n * DAY));

describe.each(drivers)("evidence lapses on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** A team's assessment answered 3 everywhere in Security and 4 in Build, with evidence behind security-q1 effective `effectiveOn` for `validFor`. */
  async function assessed(org: string, evidenceAt: { effectiveOn: string; validFor: string } | null, name = "Payments") {
    const team = (await createTeam(t.ctx(org), name)).id;
    const memberId = await t.member(org, "member", `${name} lead`);
    await addTeamMember(t.ctx(org), team, memberId);
    const lead = t.as(org, memberId, "member");
    const draft = await startAssessment(lead, team, model.id);
    for (const q of model.areas.flatMap((a) => a.questions))
      await saveAnswer(lead, { assessmentId: draft, questionId: q.id, answer: level(q.id.startsWith("security") ? 3 : 4), note: null });
    if (evidenceAt)
      await saveEvidence(lead, saveEvidenceSchema.parse({ assessmentId: draft, questionId: "security-q1", items: ["Pen test report, Acme"], ...evidenceAt }));
    await submitAssessment(lead, draft);
    return { team, lead, assessmentId: draft };
  }

  const waterLevel = async (org: string, assessmentId: string) => (await getAssessmentScore(t.ctx(org), assessmentId))?.waterLevel;
  const stale = { effectiveOn: daysFromNow(-400), validFor: "P12M" };

  it("scores current assessments again when the rule changes: one level lower, as unsure, and back as answered", async () => {
    const org = await t.organisation();
    const admin = t.as(org, await t.member(org, "admin", "Admin"), "admin");
    const { assessmentId } = await assessed(org, stale);
    expect(await staleEvidenceRule(admin)).toBe("as_answered");
    expect(await waterLevel(org, assessmentId)).toBe(3);
    expect(await listEvidenceLapses(admin, assessmentId)).toEqual([]);

    expect(await setStaleEvidenceRule(admin, "one_level_lower")).toEqual({ rescored: 1 });
    expect(await waterLevel(org, assessmentId)).toBe(2.7);
    expect(await listEvidenceLapses(admin, assessmentId)).toEqual([
      { questionId: "security-q1", expiredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), counted: "one_level_lower" },
    ]);

    await setStaleEvidenceRule(admin, "as_unsure");
    expect(await waterLevel(org, assessmentId)).toBe(2.3);
    expect((await listEvidenceLapses(admin, assessmentId))[0]?.counted).toBe("as_unsure");

    expect(await setStaleEvidenceRule(admin, "as_answered")).toEqual({ rescored: 1 });
    expect(await waterLevel(org, assessmentId)).toBe(3);
    expect(await listEvidenceLapses(admin, assessmentId)).toEqual([]);
    expect(await t.handle.db.$count(auditEvents, and(eq(auditEvents.organisationId, org), eq(auditEvents.action, "organisation.stale_evidence_set")))).toBe(3);
  });

  it("lowers an answer whose evidence is already stale when it is submitted, and keeps the lapse through a recomputation", async () => {
    const org = await t.organisation();
    const admin = t.as(org, await t.member(org, "admin", "Admin"), "admin");
    await setStaleEvidenceRule(admin, "one_level_lower");
    const fresh = await assessed(org, { effectiveOn: daysFromNow(-10), validFor: "P12M" }, "Fresh");
    const lapsed = await assessed(org, stale, "Lapsed");
    expect(await waterLevel(org, fresh.assessmentId)).toBe(3);
    expect(await waterLevel(org, lapsed.assessmentId)).toBe(2.7);

    // Scored again from what is kept (as after a change of scoring rules), the lapse still counts.
    await t.handle.db.delete(assessmentScores).where(eq(assessmentScores.assessmentId, lapsed.assessmentId));
    expect(await backfillScores(t.handle.db)).toBeGreaterThanOrEqual(1);
    expect(await waterLevel(org, lapsed.assessmentId)).toBe(2.7);
  });

  it("lowers the current assessment when the sweep finds its evidence lapsed, once, and leaves a replaced assessment as it was", async () => {
    const org = await t.organisation();
    const admin = t.as(org, await t.member(org, "admin", "Admin"), "admin");
    await setStaleEvidenceRule(admin, "one_level_lower");
    const expiring = { effectiveOn: daysFromNow(-20), validFor: "P30D" };
    const { assessmentId, lead, team } = await assessed(org, expiring);
    const other = await t.organisation();
    const untouched = await assessed(other, expiring, "Elsewhere");

    expect(await sweepEvidenceLapses(t.handle.db, new Date(Date.now() + 9 * DAY))).toBe(0);
    expect(await waterLevel(org, assessmentId)).toBe(3);

    const later = new Date(Date.now() + 11 * DAY);
    const swept = await Promise.all([sweepEvidenceLapses(t.handle.db, later), sweepEvidenceLapses(t.handle.db, later)]);
    expect(swept.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await waterLevel(org, assessmentId)).toBe(2.7);
    expect(await listEvidenceLapses(admin, assessmentId)).toEqual([{ questionId: "security-q1", expiredOn: daysFromNow(10), counted: "one_level_lower" }]);
    expect(await sweepEvidenceLapses(t.handle.db, later)).toBe(0);
    // Another organisation that did not choose it keeps its score.
    expect(await waterLevel(other, untouched.assessmentId)).toBe(3);

    // A newer assessment replaces it: turning the rule off changes only the current one.
    const next = await startAssessment(lead, team, model.id);
    for (const q of model.areas.flatMap((a) => a.questions)) await saveAnswer(lead, { assessmentId: next, questionId: q.id, answer: level(4), note: null });
    await submitAssessment(lead, next);
    await setStaleEvidenceRule(admin, "as_answered");
    expect(await waterLevel(org, assessmentId)).toBe(2.7);
    expect(await t.handle.db.$count(evidenceLapses, eq(evidenceLapses.assessmentId, assessmentId))).toBe(1);
  });

  it("lets only owners and admins choose, and keeps to the organisation", async () => {
    const org = await t.organisation();
    const member = t.as(org, await t.member(org, "member", "Member"), "member");
    await expectAppError(setStaleEvidenceRule(member, "as_unsure"), "forbidden");
    expect(await staleEvidenceRule(member)).toBe("as_answered");
    const other = await t.organisation();
    const { assessmentId } = await assessed(other, stale);
    const admin = t.as(org, await t.member(org, "admin", "Admin"), "admin");
    await setStaleEvidenceRule(admin, "as_unsure");
    expect(await listEvidenceLapses(admin, assessmentId)).toEqual([]);
    expect(await waterLevel(other, assessmentId)).toBe(3);
  });
});
