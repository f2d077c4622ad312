"use client";

import { useEffect, useState } from "react";
import type { WorkshopView } from "@/lib/workshop/view";
import { heardServerTime } from "./server-clock";

/** The server beats every 5 s: this long without a word, the connection has frozen (a frozen one sends no error). */
const SILENT_MS = 12_000;
/** While still silent, how soon to try again. */
const RETRY_SILENT_MS = 5_000;

/**
 * The live view of a workshop from its event stream, starting from the one the page was drawn
 * with. `live` is true only while the stream is heard from; a silent or broken stream is opened
 * again. Once the workshop has ended, the stream closes and is not opened again.
 */
export function useWorkshopView(initial: WorkshopView, url: string): { view: WorkshopView; live: boolean } {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState(true);
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let heard = Date.now();
    let ended = false;
    const hear = (serverMs: number) => {
      heard = Date.now();
      heardServerTime(serverMs);
      setLive(true);
    };
    const connect = () => {
      source?.close();
      const opened = (source = new EventSource(url));
      opened.addEventListener("view", (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as WorkshopView;
        setView(next);
        hear(Date.parse(next.serverNow));
        if (next.status === "ended") {
          ended = true;
          opened.close();
        }
      });
      opened.addEventListener("beat", (event) => hear(Number((event as MessageEvent<string>).data)));
      opened.onerror = () => {
        if (source !== opened) return;
        setLive(false);
        // After an error answer (a restart, say) the browser stops retrying: open a new stream in a moment.
        if (opened.readyState === EventSource.CLOSED && !ended) retry = setTimeout(connect, 2000);
      };
    };
    const watchdog = setInterval(() => {
      if (ended || Date.now() - heard < SILENT_MS) return;
      setLive(false);
      heard = Date.now() - SILENT_MS + RETRY_SILENT_MS;
      connect();
    }, 1000);
    connect();
    return () => {
      clearTimeout(retry);
      clearInterval(watchdog);
      source?.close();
    };
  }, [url]);
  return { view, live };
}
