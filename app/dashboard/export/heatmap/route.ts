import { route } from "@/server/route";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { csvResponse, heatmapCsv } from "../csv";

/** The dashboard's heatmap as CSV, for the organisation or a group, with the same filters as its link. */
export const GET = route("member", async (request, { ctx }) => {
  const query = parseDashboardQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { screen: view } = await dashboardView(ctx, query, { heatmap: "all" });
  return csvResponse(heatmapCsv(view), "heatmap", view);
});
