import { redirect } from "next/navigation";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { workshopView } from "@/lib/workshop/view";
import { participantContext } from "@/server/participant";
import { participantPage } from "./participant-page";

// The page a participant votes on (their workshop is the one their join cookie names). Served as
// plain HTML with a small script rather than as an app page: it is the one page opened on phones
// in a meeting room, and must stay far below the app's JavaScript (see participant-script.ts).

export async function GET(): Promise<Response> {
  const found = await participantContext();
  if (!found) redirect("/join");
  const rows = await loadWorkshopRows(found.ctx, found.participant.workshopId);
  if (!rows) redirect("/join");
  const { participantId, watching } = found.participant;
  const page = watching ? participantPage(workshopView(rows, "presenter"), true) : participantPage(workshopView(rows, "participant", participantId));
  return new Response(page, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
