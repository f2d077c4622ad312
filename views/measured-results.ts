import "server-only";
import type { Ctx } from "@/db/context";
import { teamDeliveryMetrics } from "@/db/queries/delivery-metrics";
import { listMeasuredLevels, type StoredMeasuredLevel } from "@/db/queries/measured-levels";
import type { AnswerValue } from "@/lib/answer";
import { quarterLabel, quarterOf, quarterStart } from "@/lib/dashboard/quarter";
import { measuredAnswers, measuredQuestions, type MeasuredResult } from "@/lib/delivery/measured-answers";
import { measuredQuarter, measuredReading, measuredSentence } from "@/lib/delivery/measured-level";
import { answerLabel, findQuestion } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";

/**
 * What the delivery data says about an assessment's measured questions: as kept at submission when
 * it was measured then (the scores used those figures), else measured now over the same quarter, the
 * one before submission, for an assessment submitted before its team's events arrived.
 */
export async function measuredResults(
  ctx: Ctx,
  at: {
    assessmentId: string;
    teamId: string;
    model: Model;
    answers: ReadonlyMap<string, AnswerValue>;
    submittedAt: Date;
    /** What was kept at submission, when the caller has read it already. */
    kept?: StoredMeasuredLevel[];
  },
): Promise<MeasuredResult[]> {
  const { model, answers } = at;
  if (measuredQuestions(model).length === 0) return [];
  const quarter = measuredQuarter(quarterOf(at.submittedAt));
  const kept = at.kept ?? (await listMeasuredLevels(ctx, at.assessmentId));
  const measured =
    kept.length > 0
      ? kept.map((k) => {
          const value = answers.get(k.questionId);
          const answered = value?.kind === "level" ? value.level : null;
          return { ...k, areaId: findQuestion(model, k.questionId)?.area.id ?? "", above: answered !== null && answered > k.level };
        })
      : measuredAnswers(
          model,
          answers,
          quarter,
          (await teamDeliveryMetrics(ctx, at.teamId, quarterStart(quarter))).find((m) => m.quarter === quarter),
        ).map((m) => ({
          ...m,
          capped: false,
        }));
  return measured
    .filter((m) => m.areaId !== "")
    .map((m) => ({
      questionId: m.questionId,
      areaId: m.areaId,
      level: m.level,
      sentence: measuredSentence(answerLabel(model, answers.get(m.questionId)), m),
      reading: `${measuredReading(m.metric, m.metricValue)} in ${quarterLabel(m.quarter)}`,
      quarter: quarterLabel(m.quarter),
      above: m.above,
      capped: m.capped,
    }));
}
