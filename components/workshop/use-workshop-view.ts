"use client";

import { useEffect, useState } from "react";
import type { WorkshopView } from "@/lib/workshop/view";

/** The live view of a workshop from its event stream, starting from the one the page was drawn with. */
export function useWorkshopView(initial: WorkshopView, url: string): { view: WorkshopView; live: boolean } {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState(true);
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(url);
      source.addEventListener("view", (event) => {
        setView(JSON.parse((event as MessageEvent<string>).data) as WorkshopView);
        setLive(true);
      });
      source.onerror = () => {
        setLive(false);
        // After an error answer (a restart, say) the browser stops retrying: open a new stream in a moment.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, 2000);
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [url]);
  return { view, live };
}
