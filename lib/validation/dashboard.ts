import { z } from "zod";
import { pageParam, queryParam } from "./query";

/** How many quarters a dashboard looks back over, the current one included. */
export const DASHBOARD_PERIODS = [4, 8, 12] as const;
export const DEFAULT_PERIOD = 8;
/** Heatmap rows per page: thousands of teams are paged, never shipped at once. */
export const HEATMAP_PAGE_SIZE = 50;

/** The dashboard's filters, as they appear in its link (so a view can be shared). */
export const dashboardQuerySchema = z.object({
  group: queryParam(z.uuid("That group is not one of this organisation's.")),
  model: queryParam(z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "That is not a model id.")),
  quarters: queryParam(
    z.coerce.number().refine((n) => (DASHBOARD_PERIODS as readonly number[]).includes(n), `The period is ${DASHBOARD_PERIODS.join(", ")} quarters.`),
  ).transform((n) => n ?? DEFAULT_PERIOD),
  sort: queryParam(z.enum(["name", "group"], "Teams are sorted by name or by group.")).transform((s) => s ?? "name"),
  page: pageParam,
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The link of a dashboard view; defaults are left out so links stay short. */
export function dashboardHref(path: string, query: Partial<DashboardQuery>): string {
  const params = new URLSearchParams();
  if (query.group) params.set("group", query.group);
  if (query.model) params.set("model", query.model);
  if (query.quarters && query.quarters !== DEFAULT_PERIOD) params.set("quarters", String(query.quarters));
  if (query.sort && query.sort !== "name") params.set("sort", query.sort);
  if (query.page && query.page !== 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
