import "server-only";
import type { Ctx } from "@/db/context";
import { evidenceOf } from "@/db/queries/evidence";
import { getEvidenceDefault } from "@/db/queries/evidence-settings";
import { now } from "@/lib/clock";
import { dayOf } from "@/lib/evidence/expiry";
import { evidenceAt, validityDefaults, type AssessmentEvidence } from "@/lib/evidence/stored";
import type { Model } from "@/lib/model/schema";

/** Each answer's evidence with its state on the server's clock, by question (the results). */
export async function savedEvidenceView(ctx: Ctx, assessmentId: string): Promise<AssessmentEvidence["saved"]> {
  const at = now();
  return Object.fromEntries((await evidenceOf(ctx, assessmentId)).map((e) => [e.questionId, evidenceAt(e, at)]));
}

/** An assessment's evidence as the questionnaire and the results show it: stale or valid on the server's clock. */
export async function assessmentEvidenceView(ctx: Ctx, assessmentId: string, model: Pick<Model, "areas">): Promise<AssessmentEvidence> {
  const at = now();
  const [evidence, organisationDefault] = await Promise.all([evidenceOf(ctx, assessmentId), getEvidenceDefault(ctx)]);
  return {
    today: dayOf(at),
    saved: Object.fromEntries(evidence.map((e) => [e.questionId, evidenceAt(e, at)])),
    defaults: validityDefaults(model, organisationDefault),
  };
}
