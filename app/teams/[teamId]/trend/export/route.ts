import { trendCsv } from "@/lib/exports/team-csv";
import { csvDownload } from "@/server/csv-download";
import { route } from "@/server/route";
import { trendView } from "@/views/trend";

/** A team's trend as CSV: one row per submitted assessment, for whoever may read its trend page. */
export const GET = route("member", async (_request, { ctx }, { teamId }: { teamId: string }) => {
  const { trend } = await trendView(ctx, teamId);
  return csvDownload(trendCsv(trend), "trend", trend.teamName);
});
