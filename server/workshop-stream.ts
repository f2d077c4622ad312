import "server-only";
import type { Audience } from "@/lib/workshop/view";
import { workshopViewJson } from "@/lib/workshop/view-json";
import { startUp } from "./start-up";
import { WorkshopHub } from "./workshop-hub";

// Live workshop screens as Server-Sent Events: the view for one audience now and after every
// change, a heartbeat, and a short retry so a dropped phone reconnects at once (and gets the
// current view, its own vote included, as its first event). The heartbeat is a real event (a
// comment never reaches the page's script) carrying the server's clock: a screen that hears
// nothing for a few beats knows its connection froze and opens a new one. Once the workshop has
// ended, the stream says so and closes: there is nothing more to wait for.

export const HEARTBEAT_MS = 5_000;
const RETRY_MS = 1_000;

const shared = globalThis as { __staveWorkshopHub?: Promise<WorkshopHub> };

/**
 * The process's hub, on the process's database. A start that failed (the database was down) is
 * forgotten, so the next stream opened tries again and finds the database once it is back.
 */
export function workshopHub(): Promise<WorkshopHub> {
  const hub = (shared.__staveWorkshopHub ??= startUp().then((handle) => new WorkshopHub(handle)));
  hub.catch(() => {
    if (shared.__staveWorkshopHub === hub) shared.__staveWorkshopHub = undefined;
  });
  return hub;
}

type StreamFor = { organisationId: string; workshopId: string; audience: Audience; participantId?: string };

export async function workshopEvents(request: Request, target: StreamFor, hub?: Pick<WorkshopHub, "watch">): Promise<Response> {
  const encoder = new TextEncoder();
  const source = hub ?? (await workshopHub());
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => send(`event: beat\ndata: ${Date.now()}\n\n`), HEARTBEAT_MS);
      let unwatch = () => {};
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unwatch();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      request.signal.addEventListener("abort", close);
      send(`retry: ${RETRY_MS}\n\n`);
      unwatch = await source.watch(target.organisationId, target.workshopId, (rows) => {
        send(`event: view\ndata: ${workshopViewJson(rows, target.audience, target.participantId)}\n\n`);
        if (rows.status === "ended") close();
      });
      if (!open) unwatch();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
