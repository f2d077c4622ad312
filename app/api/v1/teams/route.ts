import { apiRead, listPage, nextCursor } from "@/server/api-read";
import { teamListView } from "@/views/organisation";

export const GET = apiRead(
  "listTeams",
  async ({ url, caller }) => {
    const { after, limit } = await listPage(url);
    const { teams, nextAfter } = await teamListView(caller.ctx, { after, limit });
    return { ...teams, nextCursor: await nextCursor(nextAfter) };
  },
  { versioned: true },
);
