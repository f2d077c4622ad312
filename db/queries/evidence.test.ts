import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dayOf } from "@/lib/evidence/expiry";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { saveEvidenceSchema, type SaveEvidenceInput } from "@/lib/validation/evidence";
import type { Ctx } from "../context";
import { answerEvidence, auditEvents } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { evidenceOf, removeEvidence, saveEvidence } from "./evidence";
import { getEvidenceDefault, setEvidenceDefault } from "./evidence-settings";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("evidence-test", [testModel({ areas: [{ id: "build", questions: 2 }] })]) as [Model];

const today = dayOf(new Date());
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000));

/** Evidence as the form sends it, read through the same schema. */
const evidence = (
  assessmentId: string,
  fields: Partial<Record<"questionId" | "effectiveOn" | "validFor", string>> & { items?: string[] } = {},
): SaveEvidenceInput =>
  saveEvidenceSchema.parse({
    assessmentId,
    questionId: "build-q1",
    items: ["https://example.com/pentest-2026.pdf", "Report in the security drive"],
    effectiveOn: today,
    validFor: "P12M",
    ...fields,
  });

describe.each(drivers)("evidence on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function teamDraft() {
    const org = await t.organisation();
    const team = (await createTeam(t.ctx(org), "Payments")).id;
    const memberId = await t.member(org, "member", "Ana");
    await addTeamMember(t.ctx(org), team, memberId);
    const ana = t.as(org, memberId, "member");
    return { org, team, ana, draft: await startAssessment(ana, team, model.id) };
  }

  const stored = (assessmentId: string) => t.handle.db.select().from(answerEvidence).where(eq(answerEvidence.assessmentId, assessmentId));
  const audits = (org: string, action: string) => t.handle.db.$count(auditEvents, and(eq(auditEvents.organisationId, org), eq(auditEvents.action, action)));

  it("saves an answer's evidence with its expiry, replaces it, audits each change and removes it", async () => {
    const { org, ana, draft } = await teamDraft();

    const saved = await saveEvidence(ana, evidence(draft, { effectiveOn: "2026-01-31", validFor: "P1M" }));
    expect(saved).toEqual({
      questionId: "build-q1",
      items: ["https://example.com/pentest-2026.pdf", "Report in the security drive"],
      effectiveOn: "2026-01-31",
      validFor: "P1M",
      expiresOn: "2026-02-28",
    });
    expect(await evidenceOf(ana, draft)).toEqual([saved]);

    await saveEvidence(ana, evidence(draft, { items: ["Pen test by Acme, March"], effectiveOn: daysAgo(3), validFor: "p90d" }));
    expect(await evidenceOf(ana, draft)).toEqual([expect.objectContaining({ items: ["Pen test by Acme, March"], validFor: "P90D", effectiveOn: daysAgo(3) })]);
    expect(await audits(org, "evidence.saved")).toBe(2);

    expect(await removeEvidence(ana, { assessmentId: draft, questionId: "build-q1" })).toBe(true);
    expect(await stored(draft)).toEqual([]);
    expect(await audits(org, "evidence.removed")).toBe(1);
  });

  it("refuses another organisation, someone outside the team and a viewer, writing nothing", async () => {
    const { org, team, draft } = await teamDraft();
    const other = await t.organisation();
    await expectAppError(saveEvidence(t.ctx(other), evidence(draft)), "not_found");

    const outsider = t.as(org, await t.member(org, "member", "Bo"), "member");
    await expectAppError(saveEvidence(outsider, evidence(draft)), "forbidden");
    await expectAppError(saveEvidence(t.as(org, await t.member(org, "viewer"), "viewer"), evidence(draft)), "forbidden");
    // Another organisation does not read it either.
    await saveEvidence(t.ctx(org), evidence(draft));
    expect(await evidenceOf(t.ctx(other), draft)).toEqual([]);
    expect(await evidenceOf(outsider, draft)).toEqual([]);
    expect(team).toBeTruthy();
  });

  it("refuses a day in the future, an unknown question and a submitted assessment with specific messages, leaving what was there", async () => {
    const { org, ana, draft } = await teamDraft();
    await saveEvidence(ana, evidence(draft, { effectiveOn: daysAgo(10) }));

    const tomorrow = dayOf(new Date(Date.now() + 86_400_000));
    const future = await expectAppError(
      saveEvidence(ana, evidence(draft, { effectiveOn: tomorrow, items: ["new"] })),
      "invalid_input",
      "Evidence cannot take effect in the future.",
    );
    expect(future.fieldErrors?.effectiveOn?.[0]).toMatch(/^Give the day it took effect: today \(.+\) or earlier\.$/);
    await expectAppError(saveEvidence(ana, evidence(draft, { questionId: "nope" })), "invalid_input", "“nope” is not a question of this assessment.");
    expect((await stored(draft)).map((e) => [e.items, e.effectiveOn])).toEqual([
      [["https://example.com/pentest-2026.pdf", "Report in the security drive"], daysAgo(10)],
    ]);
    expect(await audits(org, "evidence.saved")).toBe(1);

    for (const questionId of ["build-q1", "build-q2"]) await saveAnswer(ana, { assessmentId: draft, questionId, answer: level(3), note: null });
    await submitAssessment(ana, draft);
    await expectAppError(saveEvidence(ana, evidence(draft)), "read_only", /submitted and is read-only/);
    await expectAppError(removeEvidence(ana, { assessmentId: draft, questionId: "build-q1" }), "read_only");
    expect(await stored(draft)).toHaveLength(1);
  });

  it("is refused by the database when it would expire before it took effect, or has no items", async () => {
    const { org, draft } = await teamDraft();
    const row = { organisationId: org, assessmentId: draft, questionId: "build-q1", effectiveOn: "2026-03-02", validFor: "P1M" };
    await expect(t.handle.db.insert(answerEvidence).values({ ...row, items: ["x"], expiresOn: "2026-03-01" })).rejects.toThrow();
    await expect(t.handle.db.insert(answerEvidence).values({ ...row, items: [], expiresOn: "2026-04-02" })).rejects.toThrow();
    expect(await stored(draft)).toEqual([]);
  });

  it("carries the evidence and its dates into the next assessment", async () => {
    const { ana, team, draft } = await teamDraft();
    const given = await saveEvidence(ana, evidence(draft, { effectiveOn: "2025-03-02", validFor: "P12M" }));
    for (const questionId of ["build-q1", "build-q2"]) await saveAnswer(ana, { assessmentId: draft, questionId, answer: level(3), note: null });
    await submitAssessment(ana, draft);

    const next = await startAssessment(ana, team, model.id);
    expect(next).not.toBe(draft);
    expect(await evidenceOf(ana, next)).toEqual([given]);
    // Started blank, nothing is carried.
    const blankTeam = await teamDraft();
    expect(await evidenceOf(blankTeam.ana, blankTeam.draft)).toEqual([]);
  });

  it("keeps the organisation's default validity, set by owners and admins only", async () => {
    const org = await t.organisation();
    const admin: Ctx = t.as(org, await t.member(org, "admin"), "admin");
    expect(await getEvidenceDefault(admin)).toBe("P12M");
    await setEvidenceDefault(admin, "P6M");
    expect(await getEvidenceDefault(admin)).toBe("P6M");
    await expectAppError(setEvidenceDefault(t.as(org, await t.member(org, "facilitator"), "facilitator"), "P1M"), "forbidden");
    expect(await getEvidenceDefault(t.ctx(org))).toBe("P6M");
    expect(
      await t.handle.db.$count(auditEvents, sql`${auditEvents.organisationId} = ${org} and ${auditEvents.action} = 'organisation.evidence_default_set'`),
    ).toBe(1);
  });
});
