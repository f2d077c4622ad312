import { actionsCsv } from "@/lib/exports/team-csv";
import { csvDownload } from "@/server/csv-download";
import { route } from "@/server/route";
import { teamActionsView } from "@/views/team-actions";

/** A team's improvement actions across every cycle as CSV. */
export const GET = route("member", async (_request, { ctx }, { teamId }: { teamId: string }) => {
  const { teamName, actions } = await teamActionsView(ctx, teamId);
  return csvDownload(actionsCsv(actions), "actions", teamName);
});
