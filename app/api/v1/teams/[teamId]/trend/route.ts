import { apiRead } from "@/server/api-read";
import { trendView } from "@/views/trend";

export const GET = apiRead<{ teamId: string }>("getTeamTrend", async ({ caller, params }) => (await trendView(caller.ctx, params.teamId)).trend, {
  versioned: true,
});
