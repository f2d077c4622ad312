import { apiRead } from "@/server/api-read";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";

/** The dashboard's aggregates, withheld for small groups exactly as the page withholds them. */
export const GET = apiRead(
  "getDashboard",
  async ({ url, caller }) => {
    const { group, model, quarters } = Object.fromEntries(url.searchParams);
    const query = parseDashboardQuery({ group, model, quarters });
    return (await dashboardView(caller.ctx, query, { heatmap: "none" })).dashboard;
  },
  { versioned: true },
);
