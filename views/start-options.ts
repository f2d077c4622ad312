import "server-only";
import type { Ctx } from "@/db/context";
import { carryPreview } from "@/db/queries/carry";
import { getModelVersion } from "@/db/queries/model-versions";
import { assessmentSeconds, minutesText, type StartableModel } from "@/lib/answering-time";
import { formatDate } from "@/lib/format";
import { questionCosts, questionnaireOutline } from "@/lib/model/questionnaire";

type Latest = { id: string; modelId: string; name: string; version: string };

/**
 * Each model the team may start, with what it costs: every question from a blank page, or, where
 * the team has assessed itself with that model before, reviewing what its last answers carry.
 */
export async function startOptions(ctx: Ctx, teamId: string, models: readonly Latest[], assessedModels: ReadonlySet<string>): Promise<StartableModel[]> {
  const options = await Promise.all(
    models.map(async ({ id, modelId, name, version }): Promise<StartableModel | undefined> => {
      const model = await getModelVersion(ctx.db, id);
      if (!model) return undefined;
      const costs = questionCosts(questionnaireOutline(model));
      const preview = assessedModels.has(modelId) ? await carryPreview(ctx, teamId, modelId, model) : undefined;
      return {
        modelId,
        name,
        version,
        questions: costs.length,
        blank: minutesText(assessmentSeconds(costs)),
        ...(preview && {
          last: { on: formatDate(preview.from), carried: preview.carried.length, time: minutesText(assessmentSeconds(costs, new Set(preview.carried))) },
        }),
      };
    }),
  );
  return options.filter((o) => o !== undefined);
}
