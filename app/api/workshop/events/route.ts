import { route } from "@/server/route";
import { workshopEvents } from "@/server/workshop-stream";

/** The participant's live view of their own workshop (found by their token). */
export const GET = route("participant", async (request, { participant }) =>
  workshopEvents(request, { organisationId: participant.organisationId, workshopId: participant.workshopId, audience: "participant", participantId: participant.participantId }),
);
