import { workshopAudience } from "@/db/queries/workshops";
import { notFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { route } from "@/server/route";
import { workshopEvents } from "@/server/workshop-stream";

/**
 * A workshop's live view for a member: the facilitator's if they run it (unless `?as=presenter`,
 * for the screen the room sees), otherwise the presenter's.
 */
export const GET = route("member", async (request, { ctx }, { workshopId }: { workshopId: string }) => {
  if (!isUuid(workshopId)) throw notFoundError("The workshop");
  const allowed = await workshopAudience(ctx, workshopId);
  const audience = new URL(request.url).searchParams.get("as") === "presenter" ? "presenter" : allowed;
  return workshopEvents(request, { organisationId: ctx.organisationId, workshopId, audience });
});
