import "server-only";
import type { Ctx } from "@/db/context";
import { dashboardGroups, dashboardModels, heatmapRows, quarterlySeries, type HeatmapPage } from "@/db/queries/dashboard";
import { dashboardVersion } from "@/db/queries/dashboard-cache";
import type { DashboardSeries } from "@/lib/dashboard/aggregate";
import type { GroupRow } from "@/db/queries/groups";
import { getModelVersion, listLatestModels } from "@/db/queries/model-versions";
import { AppError, notFoundError } from "@/lib/errors";
import { quarterOf, quarterRange, type Quarter } from "@/lib/dashboard/quarter";
import { groupPath } from "@/lib/groups";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { scaleBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { dashboardQuerySchema, HEATMAP_PAGE_SIZE, type DashboardQuery } from "@/lib/validation/dashboard";

export type DashboardView = {
  query: DashboardQuery;
  groups: GroupRow[];
  /** Active teams directly in each group. */
  teamsPerGroup: Map<string, number>;
  /** The group looked at and its ancestors, outermost first; empty for the organisation. */
  path: GroupRow[];
  models: { modelId: string; name: string }[];
  modelId: string;
  model: Model | undefined;
  scale: { min: number; max: number };
  quarters: Quarter[];
  series: DashboardSeries;
  heatmap: HeatmapPage;
};

/** The filters of a dashboard link, or a specific error for a link that names something wrong. */
export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(params);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}

/**
 * Everything a dashboard view shows (the page, the report and the exports share it). `heatmap:
 * "page"` loads one page of teams, `"all"` every team (the export), `"none"` none.
 */
export async function loadDashboard(
  ctx: Ctx,
  query: DashboardQuery,
  { heatmap = "page", now = new Date() }: { heatmap?: "page" | "all" | "none"; now?: Date } = {},
): Promise<DashboardView> {
  // One version for every figure of the view: one statement instead of one per figure.
  const [version, latestModels] = await Promise.all([dashboardVersion(ctx), listLatestModels(ctx)]);
  const [{ groups, teamsPerGroup }, used] = await Promise.all([dashboardGroups(ctx, version), dashboardModels(ctx, version)]);
  const groupId = query.group ?? null;
  if (groupId !== null && !groups.some((g) => g.id === groupId)) throw notFoundError("The group");
  const modelId = query.model ?? used[0]?.modelId ?? CORE_MODEL_ID;
  const nameOf = new Map(latestModels.map((m) => [m.modelId, m.name]));
  const latest = latestModels.find((m) => m.modelId === modelId);
  if (!latest) throw notFoundError("The model");
  const models = (used.length > 0 ? used.map((m) => m.modelId) : [modelId]).map((id) => ({ modelId: id, name: nameOf.get(id) ?? id }));
  if (!models.some((m) => m.modelId === modelId)) models.push({ modelId, name: nameOf.get(modelId)! });

  // The newest version's text is kept in memory once read: no statement after the first view.
  const model = await getModelVersion(ctx.db, latest.id);
  const quarters = quarterRange(quarterOf(now), query.quarters);
  const scope = { groupId, modelId };
  const [series, heatmapPage] = await Promise.all([
    quarterlySeries(ctx, scope, quarters, version),
    heatmap === "none"
      ? { rows: [], total: 0 }
      : heatmapRows(ctx, scope, {
          sort: query.sort,
          version,
          ...(heatmap === "page" ? { offset: (query.page - 1) * HEATMAP_PAGE_SIZE, limit: HEATMAP_PAGE_SIZE } : {}),
        }),
  ]);
  return {
    query,
    groups,
    teamsPerGroup,
    path: groupId ? groupPath(groups, groupId) : [],
    models,
    modelId,
    model,
    scale: model ? scaleBounds(model) : { min: 1, max: 5 },
    quarters,
    series,
    heatmap: heatmapPage,
  };
}
