import type { AnswerValue } from "./answer";
import { capAnswers } from "./delivery/measured-answers";
import { lowerLapsed, type EvidenceLapse } from "./evidence/lapses";
import { formatDate } from "./format";
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

/** An answer the scores count lower than it was given, and why. */
export type LoweredAnswer = { questionId: string; areaId: string; title: string; counted: AnswerValue; why: string };

/**
 * The answers an assessment's scores count lower than given, in model order, each with its reason:
 * "its evidence expired on 7 Jan 2027", "delivery data measured 2 (deployment frequency 0.5 a week in 2026 Q3)".
 */
export function loweredAnswers(
  model: Model,
  given: ReadonlyMap<string, AnswerValue>,
  kept: { caps: readonly { questionId: string; level: number; reading: string }[]; lapses: readonly EvidenceLapse[] },
): LoweredAnswer[] {
  const counted = countedAnswers(model, given, kept);
  return model.areas.flatMap((area) =>
    area.questions.flatMap((q) => {
      const was = given.get(q.id);
      const now = counted.get(q.id);
      if (was?.kind !== "level" || !now || (now.kind === "level" && now.level >= was.level)) return [];
      const lapse = kept.lapses.find((l) => l.questionId === q.id);
      const cap = kept.caps.find((c) => c.questionId === q.id && c.level < was.level);
      const why = [lapse && `its evidence expired on ${formatDate(lapse.expiredOn)}`, cap && `delivery data measured ${cap.level} (${cap.reading})`].filter(
        Boolean,
      );
      return [{ questionId: q.id, areaId: area.id, title: q.title, counted: now, why: why.join("; ") }];
    }),
  );
}
