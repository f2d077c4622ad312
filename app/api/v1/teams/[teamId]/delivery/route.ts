import { apiRead } from "@/server/api-read";
import { teamDeliveryView } from "@/views/team-delivery";

export const GET = apiRead<{ teamId: string }>("getTeamDelivery", async ({ caller, params }) => teamDeliveryView(caller.ctx, params.teamId));
