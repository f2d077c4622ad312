import { resultsCsv } from "@/lib/exports/team-csv";
import { csvDownload } from "@/server/csv-download";
import { route } from "@/server/route";
import { resultsView } from "@/views/results";

/** A submitted assessment's results per question as CSV, with the team's notes, for whoever may read its results page. */
export const GET = route("member", async (_request, { ctx }, ids: { teamId: string; assessmentId: string }) => {
  const { results, screen } = await resultsView(ctx, ids, { notes: true });
  return csvDownload(resultsCsv(results, screen.model), "results", `${results.teamName}-${results.submittedAt.slice(0, 10)}`);
});
