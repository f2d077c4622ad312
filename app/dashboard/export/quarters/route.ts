import { route } from "@/server/route";
import { loadDashboard, parseDashboardQuery } from "../../load";
import { csvResponse, quartersCsv } from "../csv";

/** The dashboard's quarterly series as CSV (withheld quarters stay empty), with the same filters as its link. */
export const GET = route("member", async (request, { ctx }) => {
  const query = parseDashboardQuery(Object.fromEntries(new URL(request.url).searchParams));
  const view = await loadDashboard(ctx, query, { heatmap: "none" });
  return csvResponse(quartersCsv(view), "quarters", view);
});
