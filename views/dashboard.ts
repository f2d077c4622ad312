import "server-only";
import type { Ctx } from "@/db/context";
import { dashboardGroups, dashboardModels, heatmapRows, quarterlySeries } from "@/db/queries/dashboard";
import { dashboardVersion } from "@/db/queries/dashboard-cache";
import { staleEvidenceOfScope } from "@/db/queries/dashboard-evidence";
import { deliverySpread, type DeliverySpread } from "@/db/queries/delivery-distribution";
import { leadsEveryTeam } from "@/db/queries/privacy";
import { getModelVersion, listLatestModels } from "@/db/queries/model-versions";
import type { DashboardResource } from "@/lib/contracts/dashboard";
import { now as clockNow } from "@/lib/clock";
import type { DashboardSeries } from "@/lib/dashboard/aggregate";
import { staleEvidenceByArea, type StaleEvidence } from "@/lib/dashboard/stale-evidence";
import { quarterKey, quarterOf, quarterRange, type Quarter } from "@/lib/dashboard/quarter";
import { AppError, notFoundError } from "@/lib/errors";
import { dayOf } from "@/lib/evidence/expiry";
import { groupPath, type GroupNode } from "@/lib/groups";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { scoreDigits, scoreRange, type ScoreDigits } from "@/lib/model/scoring-rules";
import { dashboardQuerySchema, HEATMAP_PAGE_SIZE, type DashboardQuery } from "@/lib/validation/dashboard";

export type DashboardGroup = GroupNode;

/** One team of the heatmap, with its latest submitted assessment of the model (none when it has not been assessed with it). */
export type DashboardHeatmapRow = {
  teamId: string;
  teamName: string;
  groupId: string | null;
  latest?: { assessmentId: string; submittedAt: string; waterLevel: number | null; weakest: string[]; areas: Record<string, number | null> };
};

/** What only the dashboard page, its report and CSVs need beside the aggregates. */
export type DashboardScreen = {
  organisationId: string;
  query: DashboardQuery;
  groups: DashboardGroup[];
  /** Group id → active teams directly in it. */
  teamsPerGroup: Record<string, number>;
  /** The group looked at and its ancestors, outermost first; empty for the organisation. */
  path: DashboardGroup[];
  models: { modelId: string; name: string }[];
  modelId: string;
  model: { id: string; version: string; name: string } | undefined;
  areas: { areaId: string; name: string }[];
  scale: { min: number; max: number };
  /** The decimals the model's scores are shown with (two for SAMM). */
  digits: ScoreDigits;
  quarters: Quarter[];
  series: DashboardSeries;
  heatmap: { rows: DashboardHeatmapRow[]; total: number };
  /** Whether the asker leads every team (sees every team's row whatever the organisation's setting). */
  seesEveryTeam: boolean;
  /** DORA's metrics across the teams in scope this quarter. */
  delivery: DeliverySpread;
  /** Per area in model order, the answers of the teams counted this quarter whose evidence is stale today. */
  staleEvidence: StaleEvidence;
};

/** The filters of a dashboard link, or a specific error for a link that names something wrong. */
export function parseDashboardQuery(params: Record<string, string | string[] | undefined>): DashboardQuery {
  const parsed = dashboardQuerySchema.safeParse(params);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}

/**
 * Everything a dashboard shows — the page, the report, the CSVs and the API share it. `heatmap:
 * "page"` loads one page of teams, `"all"` every team (the export), `"none"` none. The privacy
 * rule is applied by the data functions, so every outlet withholds the same figures.
 */
export async function dashboardView(
  ctx: Ctx,
  query: DashboardQuery,
  {
    heatmap = "page",
    now = new Date(),
    today = dayOf(clockNow()),
  }: { heatmap?: "page" | "all" | "none"; now?: Date; /** The day evidence is judged stale on (the server's clock). */ today?: string } = {},
): Promise<{ dashboard: DashboardResource; screen: DashboardScreen }> {
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
  const [series, delivery, staleEvidence, heatmapPage] = await Promise.all([
    quarterlySeries(ctx, scope, quarters, version),
    deliverySpread(ctx, scope, quarters.at(-1)!, version),
    staleEvidenceOfScope(ctx, scope, quarters.at(-1)!, today, version),
    heatmap === "none"
      ? { rows: [], total: 0 }
      : heatmapRows(ctx, scope, {
          sort: query.sort,
          version,
          ...(heatmap === "page" ? { offset: (query.page - 1) * HEATMAP_PAGE_SIZE, limit: HEATMAP_PAGE_SIZE } : {}),
        }),
  ]);
  const areas = model?.areas.map((a) => ({ areaId: a.id, name: a.name })) ?? [];
  const screen: DashboardScreen = {
    organisationId: ctx.organisationId,
    query,
    groups,
    teamsPerGroup: Object.fromEntries(teamsPerGroup),
    path: groupId ? groupPath(groups, groupId) : [],
    models,
    modelId,
    model: model && { id: model.id, version: model.version, name: model.name },
    areas,
    scale: model ? scoreRange(model) : { min: 1, max: 5 },
    digits: model ? scoreDigits(model) : 1,
    quarters,
    series,
    seesEveryTeam: leadsEveryTeam(ctx.actor),
    delivery,
    staleEvidence: { ...staleEvidence, areas: staleEvidence.withheld ? [] : staleEvidenceByArea(areas, staleEvidence.areas) },
    heatmap: {
      total: heatmapPage.total,
      rows: heatmapPage.rows.map(({ latest: row, ...team }) => ({
        ...team,
        ...(row ? { latest: { ...row, submittedAt: row.submittedAt.toISOString() } } : {}),
      })),
    },
  };
  return { dashboard: dashboardResource(screen), screen };
}

/** The aggregates as they leave Stave: never the team rows. */
function dashboardResource(view: DashboardScreen): DashboardResource {
  const group = view.path.at(-1);
  const { series } = view;
  return {
    organisationId: view.organisationId,
    group: group ? { id: group.id, name: group.name } : null,
    model: { modelId: view.modelId, modelVersion: view.model?.version ?? "", modelName: view.model?.name ?? view.modelId },
    scale: view.scale,
    decimals: view.digits,
    areas: view.areas,
    teams: series.teams,
    assessedTeams: series.assessedTeams,
    assessedRecently: series.assessedRecently,
    withheld: series.withheld,
    minTeams: series.privacy.minTeams,
    staleEvidence: view.staleEvidence.withheld ? null : { day: view.staleEvidence.today, teams: view.staleEvidence.teams, areas: view.staleEvidence.areas },
    delivery: view.delivery.withheld ? null : { quarter: quarterKey(view.delivery.quarter), teams: view.delivery.teams, metrics: view.delivery.metrics },
    quarters: series.quarters.map((q) => ({
      quarter: quarterKey(q.quarter),
      teams: q.teams,
      withheld: q.withheld,
      withheldReason: q.withheld ? (q.withheldReason ?? "too-few-teams") : null,
      waterLevel: q.waterLevel ?? null,
      weakestStaves: q.weakest,
    })),
  };
}
