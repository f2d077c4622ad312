import "server-only";
import type { Ctx } from "@/db/context";
import { agreementFormInput } from "@/db/queries/workshop-agreements";
import { workshopAudience } from "@/db/queries/workshops";
import { notFoundError } from "@/lib/errors";
import { defaultTargetDate, targetAdvice } from "@/lib/target";
import { addDays } from "date-fns";
import { isoDate } from "@/lib/format";
import { scoreDigits, scoreRange, targetLevels } from "@/lib/model/scoring-rules";
import { isUuid } from "@/lib/validation/ids";
import type { AgreementForm } from "@/lib/workshop/agreement";

/**
 * The "agree the next bottleneck" part of the facilitator's console: each area with its score as
 * the team answers stand (the weakest first choice), the target levels each allows, and what was
 * agreed so far. Whoever may see the workshop reads it; only the one who runs it may record.
 */
export async function agreementFormView(ctx: Ctx, workshopId: string, now = new Date()): Promise<AgreementForm> {
  if (!isUuid(workshopId)) throw notFoundError("The workshop");
  const audience = await workshopAudience(ctx, workshopId);
  const { model, teamId, assessmentId, submitted, areas, agreement } = await agreementFormInput(ctx, workshopId);
  const scale = scoreRange(model);
  const targets = targetLevels(model);
  const scored = areas.filter((a) => a.score !== null);
  const weakest = scored.length > 0 ? scored.reduce((low, a) => (a.score! < low.score! ? a : low)) : areas[0];
  return {
    workshopId,
    mayRecord: audience === "facilitator" && agreement?.appliedAt == null,
    submitted,
    areas: areas.map((a) => {
      const advice = a.score === null ? null : targetAdvice(a.score, scale);
      const levels = advice ? advice.levels : targets.levels;
      return { areaId: a.areaId, name: a.name, score: a.score, levels, suggested: advice?.suggested ?? levels[0] ?? null };
    }),
    weakestId: weakest?.areaId ?? null,
    levelLabels: targets.labels,
    digits: scoreDigits(model),
    defaultDueOn: defaultTargetDate(now),
    earliestDueOn: isoDate(addDays(now, 1)),
    resultsHref: `/teams/${teamId}/assessments/${assessmentId}/results#plan`,
    agreement,
  };
}
