import { requireScope } from "@/lib/api-tokens";
import { looksLikeCdEvents, readCdEvents } from "@/lib/delivery/cdevents";
import { readStaveEvents } from "@/lib/delivery/stave-events";
import { readEventsBody, recordParsed } from "@/server/delivery-ingest";
import { route } from "@/server/route";

/** Delivery events from a token with the events:write scope: Stave's own format, or CDEvents. */
export const POST = route("token", async (request, { ctx, scopes }) => {
  requireScope(scopes, "events:write");
  const json = (await readEventsBody(request)).json();
  return recordParsed(ctx, looksLikeCdEvents(json) ? readCdEvents(json) : readStaveEvents(json));
});
