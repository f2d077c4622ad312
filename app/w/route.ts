import { redirect } from "next/navigation";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { workshopView } from "@/lib/workshop/view";
import { participantContext, tookPartInEndedWorkshop } from "@/server/participant";
import { endedPage, participantPage } from "./participant-page";

// The page a participant votes on (their workshop is the one their join cookie names). Served as
// plain HTML with a small script rather than as an app page: it is the one page opened on phones
// in a meeting room, and must stay far below the app's JavaScript (see participant-script.ts). A
// phone reloaded after the workshop ended is told so, not sent to join another one.

const html = (page: string) => new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(): Promise<Response> {
  const found = await participantContext();
  if (!found) {
    if (await tookPartInEndedWorkshop()) return html(endedPage());
    redirect("/join");
  }
  const rows = await loadWorkshopRows(found.ctx, found.participant.workshopId);
  if (!rows) redirect("/join");
  const { participantId, watching } = found.participant;
  return html(watching ? participantPage(workshopView(rows, "presenter"), true) : participantPage(workshopView(rows, "participant", participantId)));
}
