import type { AnswerValue } from "./answer";
import { capAnswers } from "./delivery/measured-answers";
import { lowerLapsed, type EvidenceLapse } from "./evidence/lapses";
import type { Model } from "./model/schema";

/**
 * The answers an assessment's scores count: the team's answers lowered where their evidence lapsed
 * and capped where delivery data measured less (each as the organisation chose). An answer counts as
 * the lower of the two, not lowered twice.
 */
export function countedAnswers(
  model: Pick<Model, "scale">,
  given: ReadonlyMap<string, AnswerValue>,
  kept: { caps?: readonly { questionId: string; level: number }[]; lapses?: readonly Omit<EvidenceLapse, "expiredOn">[] },
): Map<string, AnswerValue> {
  return capAnswers(lowerLapsed(model, given, kept.lapses ?? []), kept.caps ?? []);
}
