import { route } from "@/server/route";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { csvResponse, quartersCsv } from "../csv";

/** The dashboard's quarterly series as CSV (withheld quarters stay empty), with the same filters as its link. */
export const GET = route("member", async (request, { ctx }) => {
  const query = parseDashboardQuery(Object.fromEntries(new URL(request.url).searchParams));
  const { screen: view } = await dashboardView(ctx, query, { heatmap: "none" });
  return csvResponse(quartersCsv(view), "quarters", view);
});
