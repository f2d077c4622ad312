import { route } from "@/server/route";
import { workshopEvents } from "@/server/workshop-stream";

/** The participant's live view of their own workshop (found by their token); the presenter's, for one who joined to watch. */
export const GET = route("participant", async (request, { participant }) =>
  workshopEvents(
    request,
    participant.watching
      ? { organisationId: participant.organisationId, workshopId: participant.workshopId, audience: "presenter" }
      : { organisationId: participant.organisationId, workshopId: participant.workshopId, audience: "participant", participantId: participant.participantId },
  ),
);
